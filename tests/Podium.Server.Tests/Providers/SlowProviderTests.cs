using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Podium.Server.Engine;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Providers;

/// <summary>A provider that is slow to answer the look-up of an overdue call holds up no one else's work on the node.</summary>
public abstract class SlowProviderTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    [Fact]
    public async Task LookingUpOverdueCalls_DoesNotHoldUpClaiming()
    {
        await using var fake = (FakeVapi)await new FakeVapi().StartAsync();
        var (org, space, simulated) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var config = await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/providers-configurations/", new
        {
            provider = "vapi",
            name = "Slow Vapi",
            api_key = FakeProvider.ApiKey,
            webhook_secret = FakeProvider.WebhookSecret,
            base_url = fake.BaseUrl,
        }), HttpStatusCode.Created);
        var runtime = fake.RuntimeSettings;
        runtime["type"] = "vapi";
        runtime["provider_config_id"] = config["data"]!["id"]!.GetValue<int>();
        runtime["max_call_seconds"] = 60;
        var vapi = await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "Vapi", state = "published", runtime, retry = new { max_attempts = 1 } }), HttpStatusCode.Created);
        await CreateRunAsync(org, space, new { pilot = vapi["data"]!["handle"]!.GetValue<string>(), documents = Contacts(1) });
        await App.RunEngineAsync();
        var call = Assert.Single(fake.Placed);

        // The call is overdue and Vapi takes 8 s to answer; meanwhile another run's task is due.
        fake.ReadDelay = TimeSpan.FromSeconds(8);
        fake.EndedOnRead[call.Id] = Ending.Completed;
        App.Clock.Advance(TimeSpan.FromMinutes(4));
        var other = await CreateRunAsync(org, space, new { pilot = simulated, documents = Contacts(1) });
        var dispatcher = App.Services.GetRequiredService<Dispatcher>();
        var watch = Stopwatch.StartNew();
        var claimed = await dispatcher.DispatchOnceAsync(TestContext.Current.CancellationToken);
        var tick = watch.Elapsed;

        Assert.Equal(1, claimed);
        Assert.True(tick < TimeSpan.FromSeconds(4), $"the tick took {tick.TotalSeconds:F1} s while the provider was being asked");
        await dispatcher.RunUntilIdleAsync(TestContext.Current.CancellationToken);
        Assert.Equal([call.Id], fake.Reads.Distinct());
        Assert.Equal("completed", (await RunAsync(org, space, other))["status"]!.GetValue<string>());
        var tasks = await ApiAssert.Ok(await org.Client(App, org.Viewer).GetAsync($"{Prefix}/call-logs/"), "Call logs fetched successfully");
        Assert.Equal(2, tasks["data"]!.AsArray().Count);
    }
}

public sealed class SlowProviderTestsOnSqlite(EngineApp<Sqlite> app) : SlowProviderTests<Sqlite>(app);

public sealed class SlowProviderTestsOnPostgres(EngineApp<Postgres> app) : SlowProviderTests<Postgres>(app);
