using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/events";
    private int _attempts;

    public static async Task<EventReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new EventReceiver(app);
        app.MapPost("/events", receiver.HandleAsync);
        await app.StartAsync();
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
