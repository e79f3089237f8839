using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Podium.Data;
using Podium.Data.Entities;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Webhooks;

/// <summary>Fails the database write that carries an event, when told to.</summary>
public sealed class FailingEventWrites : SaveChangesInterceptor
{
    public bool Fail { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Fail && eventData.Context!.ChangeTracker.Entries<WebhookEvent>().Any(e => e.State == EntityState.Added))
            throw new DbUpdateException("Simulated database failure while writing an event.");
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

public sealed class FailingWritesApp : PodiumApp<Sqlite>
{
    public FailingEventWrites Interceptor { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Engine:Enabled", "false");
        builder.ConfigureServices(s => s.ConfigureDbContext<PodiumDb>(o => o.AddInterceptors(Interceptor)));
    }
}

/// <summary>A state change and its event are one write: when the write fails, neither is kept.</summary>
public sealed class OutboxAtomicityTests(FailingWritesApp app) : IClassFixture<FailingWritesApp>
{
    private const string Prefix = "/api/v2/platform";

    [Fact]
    public async Task AFailedWrite_KeepsNeitherTheRunNorItsEvent()
    {
        var org = await TestOrg.CreateAsync(app);
        var admin = org.Client(app, org.Admin);
        var space = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", new { name = "S", content_type = "contact" }), HttpStatusCode.Created))["data"]!["token"]!.GetValue<string>();
        var agent = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "A", state = "published" }), HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();
        await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/webhooks/", new { url = "http://127.0.0.1:9/events" }), HttpStatusCode.Created);
        var body = new { pilot = agent, documents = new[] { new { name = "Ada", contact_number = "+14155550100" } } };

        app.Interceptor.Fail = true;
        try
        {
            await ApiAssert.Error(await org.Client(app, org.Member).PostJson($"{Prefix}/spaces/{space}/tasks/create/", body), HttpStatusCode.InternalServerError, "Internal server error.");
        }
        finally
        {
            app.Interceptor.Fail = false;
        }
        await using (app.Scope(out var db, org.Id))
        {
            Assert.Empty(await db.Runs.ToListAsync());
            Assert.Empty(await db.Tasks.ToListAsync());
            Assert.Empty(await db.WebhookEvents.ToListAsync());
        }

        await ApiAssert.Ok(await org.Client(app, org.Member).PostJson($"{Prefix}/spaces/{space}/tasks/create/", body), "Task Created Successfully");
        await using (app.Scope(out var db, org.Id))
        {
            Assert.Single(await db.Runs.ToListAsync());
            Assert.Equal("run.created", Assert.Single(await db.WebhookEvents.ToListAsync()).Type);
        }
    }
}
