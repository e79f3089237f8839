using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Podium.Server.Tests.Infrastructure;

/// <summary>One event POST received: its id, type, whether its signature checked out, and its body.</summary>
public sealed record ReceivedEvent(string EventId, string Type, bool SignatureValid, JsonObject Body, string Raw, string Signature);

/// <summary>A real HTTP endpoint for event webhooks; <see cref="Status"/> other than 2xx plays a receiver that is down.</summary>
public sealed class EventReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EventReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedEvent> Events { get; } = new();
    public int Attempts => _attempts;
    public string Secret { get; set; } = "";
    public int Status { get; set; } = 200;
    public string Url => LoopbackServer.Address(_app) + "/events";
    private int _attempts;

    public static async Task<EventReceiver> StartAsync()
    {
        EventReceiver? receiver = null;
        var app = await LoopbackServer.StartAsync(a => a.MapPost("/events", (HttpRequest request) => receiver!.HandleAsync(request)));
        receiver = new EventReceiver(app);
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _attempts);
        if (Status is < 200 or > 299) return Results.StatusCode(Status);
        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync();
        var body = JsonNode.Parse(raw)!.AsObject();
        var signature = request.Headers["Podium-Signature"].ToString();
        Events.Enqueue(new ReceivedEvent(body["id"]!.GetValue<string>(), body["type"]!.GetValue<string>(),
            Signatures.Verify(Secret, signature, raw) && request.Headers["Podium-Event-Id"] == body["id"]!.GetValue<string>(), body, raw, signature));
        return Results.Ok();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
