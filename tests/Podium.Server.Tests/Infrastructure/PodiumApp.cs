using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Podium.Data;

namespace Podium.Server.Tests.Infrastructure;

/// <summary>
/// The real server on Kestrel (a real socket, a random port) over a real database of kind
/// <typeparamref name="TDb"/>, migrated by the server's own start-up. One per test class.
/// </summary>
public class PodiumApp<TDb> : WebApplicationFactory<Program>, IAsyncLifetime where TDb : TestDatabase, new()
{
    public TDb Database { get; } = new();

    public virtual async ValueTask InitializeAsync()
    {
        if (Database.Unavailable is not null) return;
        await Database.CreateAsync();
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Database.Settings())
            builder.UseSetting(key, value);
        builder.UseSetting("Podium:Demo", "false");
        // Tests make bursts of requests with one key; the limits themselves are tested with small ones.
        builder.UseSetting("RateLimiting:PerUserPerMinute", "1000000");
        builder.UseSetting("RateLimiting:CreateTaskPerMinute", "1000000");
        builder.UseSetting("RateLimiting:PerIpPerMinute", "1000000");
        // Test agents and receivers listen on loopback; the outbound policy itself is tested with it off.
        builder.UseSetting("Outbound:AllowPrivateNetworks", AllowPrivateNetworks ? "true" : "false");
        builder.UseEnvironment("Testing");
        Configure(builder);
    }

    /// <summary>Whether the server may call loopback and private addresses (its test agents listen on loopback).</summary>
    protected virtual bool AllowPrivateNetworks => true;

    /// <summary>More configuration for a kind of test (a fake clock, the engine off).</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    /// <summary>A database context outside any request, scoped to no tenant unless told.</summary>
    public AsyncServiceScope Scope(out PodiumDb db, int? tenantId = null)
    {
        var scope = Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<PodiumDb>();
        db.TenantId = tenantId;
        return scope;
    }

    public HttpClient Client(string? key = null, string? orgHandle = null)
    {
        var client = CreateClient();
        if (key is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Token {key}");
        if (orgHandle is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Org-Handle", orgHandle);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A server whose operator lets users create organizations themselves (at most three each).</summary>
public sealed class SelfServiceApp<TDb> : PodiumApp<TDb> where TDb : TestDatabase, new()
{
    public const int MaxPerUser = 3;

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Organizations:SelfService", "true");
        builder.UseSetting("Organizations:MaxPerUser", MaxPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
