using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Podium.Server.Features.Webhooks;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Outbound;

/// <summary>At the default settings, no request made for a tenant reaches a loopback or private address.</summary>
public abstract class OutboundGuardTests<TDb>(PublicOnlyEngineApp<TDb> app) : EngineTestBase<TDb>(app), IClassFixture<PublicOnlyEngineApp<TDb>>
    where TDb : TestDatabase, new()
{
    [Theory]
    [InlineData("http://127.0.0.1:9/agent")]
    [InlineData("http://localhost:9/agent")]
    [InlineData("http://[::1]:9/agent")]
    [InlineData("http://[::ffff:127.0.0.1]:9/agent")]
    [InlineData("http://2130706433:9/agent")]
    [InlineData("http://10.0.0.5/agent")]
    [InlineData("http://192.168.1.1/agent")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://100.64.0.1/agent")]
    [InlineData("http://[fd00::1]/agent")]
    public async Task LiteralPrivateUrls_AreRefusedWith400(string url)
    {
        var (org, _, agent) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var body = await ApiAssert.Invalid(await admin.PostJson($"{Prefix}/agents/", new { name = "Hook", runtime = new { type = "webhook", url } }), "runtime.url");
        Assert.Contains("Outbound:AllowPrivateNetworks", body["errors"]!["runtime.url"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await ApiAssert.Invalid(await admin.PatchJson($"{Prefix}/agents/{agent}/", new { runtime = new { type = "webhook", url } }), "runtime.url");
        await ApiAssert.Invalid(await admin.PostJson($"{Prefix}/webhooks/", new { url }), "url");
    }

    [Fact]
    public async Task AnAgentNameThatResolvesToLoopback_IsRefusedAtConnection_AndNothingArrives()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (org, space, _) = await SetUpAsync();
        var created = await ApiAssert.Envelope(await org.Client(App, org.Admin).PostJson($"{Prefix}/agents/",
            new { name = "Hook", state = "published", runtime = new { type = "webhook", url = "https://agent.example.com/calls" }, retry = new { max_attempts = 1 } }), HttpStatusCode.Created);
        var handle = created["data"]!["handle"]!.GetValue<string>();
        // The name passed validation; now it resolves to this machine (DNS rebinding, or a name pointed at loopback).
        await PointAgentAtAsync(handle, receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

        var runId = await CreateRunAsync(org, space, new { pilot = handle, documents = Contacts(2) });
        await App.RunEngineAsync();

        Assert.Empty(receiver.Calls);
        var tasks = await TasksAsync(org, space, runId);
        Assert.All(tasks, t =>
        {
            Assert.Equal("failed", t!["status"]!.GetValue<string>());
            Assert.Contains("(loopback address)", t["last_failure_reason"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AnEventReceiverNameThatResolvesToLoopback_IsRefused_AndTheDeliveryShowsWhy()
    {
        await using var receiver = await EventReceiver.StartAsync();
        var (org, space, agent) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var id = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/webhooks/", new { url = "https://events.example.com/podium", event_types = new[] { "run.created" } }),
            HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
        await using (var scope = App.Scope(out var db))
            await db.WebhookSubscriptions.IgnoreQueryFilters().Where(s => s.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Url, receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)));

        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        await App.Services.GetRequiredService<WebhookSender>().DeliverDueAsync(default);

        Assert.Equal(0, receiver.Attempts);
        var delivery = (await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/webhooks/{id}/deliveries/"), "Deliveries fetched successfully"))["data"]![0]!;
        Assert.Equal("pending", delivery["status"]!.GetValue<string>());
        Assert.Contains("(loopback address)", delivery["last_error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task PointAgentAtAsync(string handle, string url)
    {
        await using var scope = App.Scope(out var db);
        var agent = await db.Agents.IgnoreQueryFilters().SingleAsync(a => a.Handle == handle);
        agent.Settings = agent.Settings with { Url = url };
        await db.SaveChangesAsync();
    }
}

public sealed class OutboundGuardTestsOnSqlite(PublicOnlyEngineApp<Sqlite> app) : OutboundGuardTests<Sqlite>(app);

public sealed class OutboundGuardTestsOnPostgres(PublicOnlyEngineApp<Postgres> app) : OutboundGuardTests<Postgres>(app);
