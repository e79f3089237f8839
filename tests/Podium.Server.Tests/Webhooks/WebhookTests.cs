using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Podium.Server.Features.Webhooks;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Webhooks;

public abstract class WebhookTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    private WebhookSender Sender => App.Services.GetRequiredService<WebhookSender>();

    private async Task<(TestOrg Org, string Space, string Agent, EventReceiver Receiver, int Id)> SubscribedAsync(object? agent = null, string[]? types = null)
    {
        var receiver = await EventReceiver.StartAsync();
        var (org, space, handle) = await SetUpAsync(agent);
        var created = (await ApiAssert.Envelope(await org.Client(App, org.Admin).PostJson($"{Prefix}/webhooks/", new { url = receiver.Url, event_types = types }),
            HttpStatusCode.Created, "Webhook created successfully"))["data"]!;
        receiver.Secret = created["secret"]!.GetValue<string>();
        return (org, space, handle, receiver, created["id"]!.GetValue<int>());
    }

    /// <summary>Sends what is due, moving the fake clock in steps, until nothing is pending or the time is up.</summary>
    private async Task DeliverAllAsync(TimeSpan within)
    {
        var end = App.Clock.GetUtcNow() + within;
        while (App.Clock.GetUtcNow() < end)
        {
            while (await Sender.DeliverDueAsync(default) > 0) { }
            App.Clock.Advance(TimeSpan.FromSeconds(30));
        }
        while (await Sender.DeliverDueAsync(default) > 0) { }
    }

    [Fact]
    public async Task RunEvents_AreDeliveredSigned_WithTheFullObjects()
    {
        var (org, space, agent, receiver, _) = await SubscribedAsync();
        await using var _ = receiver;
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(3) });
        await App.RunEngineAsync();
        await DeliverAllAsync(TimeSpan.Zero);

        var events = receiver.Events.ToList();
        Assert.All(events, e => Assert.True(e.SignatureValid));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.Single(events, e => e.Type == "run.created" && e.Body["data"]!["run_id"]!.GetValue<string>() == runId);
        Assert.Single(events, e => e.Type == "run.completed" && e.Body["data"]!["status"]!.GetValue<string>() == "completed");
        Assert.Equal(2, events.Count(e => e.Type == "run.status_changed"));
        Assert.Equal(3, events.Count(e => e.Type == "task.completed"));
        Assert.Equal(6, events.Count(e => e.Type == "task.status_changed"));
        var completed = events.First(e => e.Type == "task.completed").Body;
        Assert.Equal(org.Handle, completed["organization"]!["domain_handle"]!.GetValue<string>());
        Assert.NotNull(completed["data"]!["output"]!["transcript"]);
        Assert.EndsWith("Z", completed["created_at"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReceiverDownForTenMinutes_GetsEveryEventAfterwards_NoneLost()
    {
        var (org, space, agent, receiver, id) = await SubscribedAsync(new { simulation = new { latency_ms = 0, busy_rate = 0.3 }, retry = new { max_attempts = 2, backoff_seconds = 60 } });
        await using var _ = receiver;
        receiver.Status = 503;
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(20) });
        var down = App.Clock.GetUtcNow() + TimeSpan.FromMinutes(10);
        while (App.Clock.GetUtcNow() < down)
        {
            await App.RunEngineAsync();
            while (await Sender.DeliverDueAsync(default) > 0) { }
            App.Clock.Advance(TimeSpan.FromSeconds(20));
        }
        Assert.Empty(receiver.Events);
        Assert.True(receiver.Attempts > 0);
        Assert.Equal("completed", (await RunAsync(org, space, runId))["status"]!.GetValue<string>().Replace("partially_", "", StringComparison.Ordinal));

        receiver.Status = 200;
        await DeliverAllAsync(TimeSpan.FromHours(2));

        await using var scope = App.Scope(out var db, org.Id);
        var expected = await db.WebhookEvents.Select(e => e.EventId).ToListAsync();
        var received = receiver.Events.ToList();
        Assert.All(received, e => Assert.True(e.SignatureValid));
        Assert.Equal(expected.Order(StringComparer.Ordinal), received.Select(e => e.EventId).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(received, e => e.Type == "run.completed");
        Assert.Equal(20, received.Where(e => e.Type is "task.completed" or "task.failed").Select(e => e.Body["data"]!["task_id"]!.GetValue<string>()).Distinct().Count());

        var log = await ApiAssert.Ok(await org.Client(App, org.Admin).GetAsync($"{Prefix}/webhooks/{id}/deliveries/?page_size=500"), "Deliveries fetched successfully");
        Assert.All(log["data"]!.AsArray(), d => Assert.Equal("delivered", d!["status"]!.GetValue<string>()));
        Assert.Contains(log["data"]!.AsArray(), d => d!["attempts"]!.GetValue<int>() > 1);
    }

    [Fact]
    public async Task ADeliveryCutShortByACrash_IsSentAfterItsLeaseLapses()
    {
        var (org, space, agent, receiver, _) = await SubscribedAsync(types: ["run.created"]);
        await using var _ = receiver;
        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        // Another process claimed the delivery and died before sending it.
        await using (App.Scope(out var db, org.Id))
            await db.WebhookDeliveries.ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, "dead-node").SetProperty(d => d.LeaseExpiresAt, App.Clock.GetUtcNow().UtcDateTime.AddSeconds(20)));
        Assert.Equal(0, await Sender.DeliverDueAsync(default));
        Assert.Empty(receiver.Events);

        App.Clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(1, await Sender.DeliverDueAsync(default));
        Assert.Equal("run.created", Assert.Single(receiver.Events).Type);
    }

    [Fact]
    public async Task Redeliver_SendsTheSameEventAgain_AndTestEventsReachOneSubscription()
    {
        var (org, space, agent, receiver, id) = await SubscribedAsync(types: ["run.created"]);
        await using var _ = receiver;
        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        await DeliverAllAsync(TimeSpan.Zero);
        var first = Assert.Single(receiver.Events);
        Assert.Equal("run.created", first.Type);

        var admin = org.Client(App, org.Admin);
        var delivery = (await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/webhooks/{id}/deliveries/"), "Deliveries fetched successfully"))["data"]![0]!;
        Assert.Equal(200, delivery["last_status_code"]!.GetValue<int>());
        await ApiAssert.Ok(await admin.PostAsync($"{Prefix}/webhooks/{id}/deliveries/{delivery["id"]}/redeliver/", null), "Delivery scheduled");
        await ApiAssert.Ok(await admin.PostAsync($"{Prefix}/webhooks/{id}/test/", null), "Test event queued");
        await DeliverAllAsync(TimeSpan.Zero);
        Assert.Equal(2, receiver.Events.Count(e => e.EventId == first.EventId));
        Assert.Single(receiver.Events, e => e.Type == "webhook.test");
    }

    [Fact]
    public async Task ASubscriptionFailingForThreeDays_IsDisabled_AndSaysWhy()
    {
        var (org, space, agent, receiver, id) = await SubscribedAsync(types: ["run.created"]);
        await using var _ = receiver;
        receiver.Status = 500;
        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        for (var day = 0; day < 4; day++)
        {
            await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
            for (var hour = 0; hour < 24; hour++)
            {
                while (await Sender.DeliverDueAsync(default) > 0) { }
                App.Clock.Advance(TimeSpan.FromHours(1));
            }
        }
        var webhook = (await ApiAssert.Ok(await org.Client(App, org.Admin).GetAsync($"{Prefix}/webhooks/{id}/"), "Webhook fetched successfully"))["data"]!;
        Assert.False(webhook["enabled"]!.GetValue<bool>());
        Assert.Contains("HTTP 500", webhook["disabled_reason"]!.GetValue<string>(), StringComparison.Ordinal);

        var enabled = await ApiAssert.Ok(await org.Client(App, org.Admin).PatchJson($"{Prefix}/webhooks/{id}/", new { enabled = true }), "Webhook updated successfully");
        Assert.Null(enabled["data"]!["disabled_reason"]);
    }

    [Fact]
    public async Task Webhooks_AreAdminOnly_AndTheSecretIsShownOnce()
    {
        var (org, _, _, receiver, id) = await SubscribedAsync();
        await using var _ = receiver;
        var listed = await ApiAssert.Ok(await org.Client(App, org.Admin).GetAsync($"{Prefix}/webhooks/"), "Webhooks fetched successfully");
        Assert.Null(listed["data"]![0]!["secret"]);
        await ApiAssert.Error(await org.Client(App, org.Member).GetAsync($"{Prefix}/webhooks/"), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
        await ApiAssert.Invalid(await org.Client(App, org.Admin).PostJson($"{Prefix}/webhooks/", new { url = "ftp://x", event_types = new[] { "nope" } }), "event_types[0]");
        var other = await TestOrg.CreateAsync(App);
        await ApiAssert.Error(await other.Client(App, other.Admin).GetAsync($"{Prefix}/webhooks/{id}/"), HttpStatusCode.NotFound, "Webhook not found");
        await ApiAssert.Error(await other.Client(App, other.Admin).DeleteAsync($"{Prefix}/webhooks/{id}/"), HttpStatusCode.NotFound, "Webhook not found");
    }

    [Fact]
    public async Task Subscriptions_PastTheOrganizationsLimit_Are409()
    {
        var (org, _, _) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        for (var i = 0; i < 20; i++)
            await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/webhooks/", new { url = $"https://example.test/hook-{i}" }), HttpStatusCode.Created);
        await ApiAssert.Error(await admin.PostJson($"{Prefix}/webhooks/", new { url = "https://example.test/one-more" }), HttpStatusCode.Conflict,
            "The organization has 20 webhook subscriptions, the most this server allows; delete one first.");
    }
}

public sealed class WebhookTestsOnSqlite(EngineApp<Sqlite> app) : WebhookTests<Sqlite>(app);

public sealed class WebhookTestsOnPostgres(EngineApp<Postgres> app) : WebhookTests<Postgres>(app);
