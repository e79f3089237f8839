using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Podium.Server.Features.Webhooks;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Outbound;

/// <summary>What Podium does with the answers of the endpoints it calls: redirects, and answers too large to keep.</summary>
public abstract class OutboundAnswerTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    [Fact]
    public async Task Redirects_AreNeverFollowed_EvenWithPrivateNetworksAllowed()
    {
        await using var agent = await WebhookReceiver.StartAsync();
        await using var events = await EventReceiver.StartAsync();
        await using var redirector = await LoopbackServer.StartAsync(a =>
        {
            a.MapPost("/agent", () => Results.Redirect(agent.Url, permanent: false, preserveMethod: true));
            a.MapPost("/events", () => Results.Redirect(events.Url));
        });
        var from = LoopbackServer.Address(redirector);
        var (org, space, handle) = await WebhookAgentAsync($"{from}/agent");
        var admin = org.Client(App, org.Admin);
        var id = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/webhooks/", new { url = $"{from}/events", event_types = new[] { "run.created" } }),
            HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();

        var runId = await CreateRunAsync(org, space, new { pilot = handle, documents = Contacts(1) });
        await App.RunEngineAsync();
        await App.Services.GetRequiredService<WebhookSender>().DeliverDueAsync(default);

        Assert.Empty(agent.Calls);
        Assert.Equal(0, events.Attempts);
        var task = (await TasksAsync(org, space, runId))[0]!;
        Assert.Equal("failed", task["status"]!.GetValue<string>());
        Assert.Equal("The agent answered HTTP 307.", task["last_failure_reason"]!.GetValue<string>());
        var delivery = (await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/webhooks/{id}/deliveries/"), "Deliveries fetched successfully"))["data"]![0]!;
        Assert.Equal(302, delivery["last_status_code"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAgentAnswerOver1MiB_FailsTheAttempt_WithoutBeingRead(bool declared)
    {
        await using var huge = await LoopbackServer.StartAsync(a => a.MapPost("/agent", (HttpContext context) => WriteAsync(context, 60 * 1024 * 1024, declared)));
        var (org, space, handle) = await WebhookAgentAsync($"{LoopbackServer.Address(huge)}/agent");
        var runId = await CreateRunAsync(org, space, new { pilot = handle, documents = Contacts(1) });
        await App.RunEngineAsync();

        var task = (await TasksAsync(org, space, runId))[0]!;
        Assert.Equal("failed", task["status"]!.GetValue<string>());
        Assert.Equal("The agent's answer is larger than 1 MiB.", task["last_failure_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnEventReceiverAnswerOver64KiB_FailsTheDelivery()
    {
        await using var chatty = await LoopbackServer.StartAsync(a => a.MapPost("/events", (HttpContext context) => WriteAsync(context, 65 * 1024, declared: false)));
        var (org, space, agent) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var id = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/webhooks/", new { url = $"{LoopbackServer.Address(chatty)}/events", event_types = new[] { "run.created" } }),
            HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        await App.Services.GetRequiredService<WebhookSender>().DeliverDueAsync(default);

        var delivery = (await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/webhooks/{id}/deliveries/"), "Deliveries fetched successfully"))["data"]![0]!;
        Assert.Equal("pending", delivery["status"]!.GetValue<string>());
        Assert.Equal("The receiver's answer is larger than 64 KiB.", delivery["last_error"]!.GetValue<string>());
    }

    /// <summary>A 200 of <paramref name="bytes"/> bytes of JSON-looking text, with or without a declared length.</summary>
    private static async Task WriteAsync(HttpContext context, long bytes, bool declared)
    {
        context.Response.ContentType = "application/json";
        if (declared) context.Response.ContentLength = bytes;
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        try
        {
            for (long sent = 0; sent < bytes; sent += chunk.Length)
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, bytes - sent)), context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Podium hung up once it had read enough.
        }
    }
}

public sealed class OutboundAnswerTestsOnSqlite(EngineApp<Sqlite> app) : OutboundAnswerTests<Sqlite>(app);

public sealed class OutboundAnswerTestsOnPostgres(EngineApp<Postgres> app) : OutboundAnswerTests<Postgres>(app);
