using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Podium.Server.Tests.Infrastructure;

/// <summary>One POST a webhook agent received.</summary>
public sealed record ReceivedCall(string TaskId, int Attempt, string IdempotencyKey, bool SignatureValid, JsonObject Body, string Raw, string Signature);

/// <summary>
/// A real HTTP agent for the webhook runtime: it logs every call, checks its signature, and answers
/// as told (200 with an output, 202, or an error), after an optional delay.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();
    public string Secret { get; set; } = "";
    public int Status { get; set; } = 200;
    public TimeSpan Delay { get; set; }
    public string Url => LoopbackServer.Address(_app) + "/agent";

    public static async Task<WebhookReceiver> StartAsync()
    {
        WebhookReceiver? receiver = null;
        var app = await LoopbackServer.StartAsync(a => a.MapPost("/agent", (HttpRequest request) => receiver!.HandleAsync(request)));
        receiver = new WebhookReceiver(app);
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync();
        var body = JsonNode.Parse(raw)!.AsObject();
        Calls.Enqueue(new ReceivedCall(body["task_id"]!.GetValue<string>(), body["attempt"]!.GetValue<int>(),
            request.Headers["Idempotency-Key"].ToString(), Signatures.Verify(Secret, request.Headers["Podium-Signature"].ToString(), raw), body,
            raw, request.Headers["Podium-Signature"].ToString()));
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
        return Status switch
        {
            200 => Results.Json(new { outcome = "completed", output = new { call_id = "CALL_" + body["task_id"], call_status = "completed", duration = 42, cost = 0.063, transcript = new[] { new { role = "agent", content = "Hello" } } } }),
            202 => Results.Accepted(),
            _ => Results.StatusCode(Status),
        };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
