using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Podium.Server.Tests.Providers;

/// <summary>Vapi as its reference describes it: <c>POST /call</c>, <c>GET /call/{id}</c>, HMAC-signed server messages.</summary>
public sealed class FakeVapi : FakeProvider
{
    public override string Provider => "vapi";

    /// <summary>How long a read of a call takes to answer: a slow provider.</summary>
    public TimeSpan ReadDelay { get; set; }

    /// <summary>The calls read back, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Reads { get; } = new();

    public override JsonObject RuntimeSettings => new() { ["assistant_id"] = "asst_fake", ["phone_number_id"] = "pn_fake" };

    public override string Raw(Ending ending) => ending switch
    {
        Ending.Completed => "customer-ended-call",
        Ending.Voicemail => "voicemail",
        Ending.Busy => "customer-busy",
        Ending.NoAnswer => "customer-did-not-answer",
        _ => "twilio-failed-to-connect-call",
    };

    protected override void Map(WebApplication app)
    {
        app.MapPost("/call", async (HttpContext context) =>
        {
            var body = await BodyAsync(context.Request);
            if (!Authorized(context) | !Check(Text(body?["assistantId"]) == "asst_fake", "POST /call without assistantId")
                | !Check(Text(body?["phoneNumberId"]) == "pn_fake", "POST /call without phoneNumberId")
                | !Check(Text(body?["customer"]?["number"])?.StartsWith('+') == true, "POST /call without customer.number in E.164")
                | !Check(Text(body?["assistantOverrides"]?["server"]?["url"]) is not null, "POST /call without the server URL"))
                return Results.BadRequest();
            if (await ScriptedAnswerAsync(context)) return Results.Empty;
            var id = NextId("vapi-call-");
            Place(new PlacedCall(id, Text(body!["customer"]!["number"])!, body, DateTime.UtcNow));
            return Json(new JsonObject { ["id"] = id, ["status"] = "queued", ["type"] = "outboundPhoneCall" }, HttpStatusCode.Created);
        });
        app.MapGet("/call/{id}", async (string id, HttpContext context) =>
        {
            Reads.Enqueue(id);
            await Task.Delay(ReadDelay);
            if (!Authorized(context)) return Results.Unauthorized();
            var call = Placed.FirstOrDefault(c => c.Id == id);
            if (call is null) return Results.NotFound();
            return EndedOnRead.TryGetValue(id, out var ending)
                ? Json(Ended(call, ending, DateTimeOffset.UtcNow))
                : Json(new JsonObject { ["id"] = id, ["status"] = "in-progress" });
        });
    }

    private bool Authorized(HttpContext context) =>
        Check(context.Request.Headers.Authorization.ToString() == $"Bearer {ApiKey}", $"{context.Request.Path} without the Bearer API key");

    private JsonObject Ended(PlacedCall call, Ending ending, DateTimeOffset now) => new()
    {
        ["id"] = call.Id,
        ["status"] = "ended",
        ["type"] = "outboundPhoneCall",
        ["endedReason"] = Raw(ending),
        ["startedAt"] = now.AddSeconds(-42).ToString("O", CultureInfo.InvariantCulture),
        ["endedAt"] = now.ToString("O", CultureInfo.InvariantCulture),
        ["cost"] = ending == Ending.Completed ? 0.1834 : 0.01,
        ["artifact"] = new JsonObject
        {
            ["recordingUrl"] = $"https://recordings.example/{call.Id}.wav",
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["message"] = "You are a caller." },
                new JsonObject { ["role"] = "bot", ["message"] = "Hi, this is Podium calling." },
                new JsonObject { ["role"] = "user", ["message"] = "Hello." }),
        },
        ["analysis"] = new JsonObject { ["summary"] = $"Summary of {call.Id}", ["structuredData"] = new JsonObject { ["outcome"] = "interested" }, ["successEvaluation"] = "true" },
        ["assistantOverrides"] = call.Body["assistantOverrides"]!.DeepClone(),
    };

    public override HttpRequestMessage EndEvent(PlacedCall placed, Ending ending, string eventsUrl, DateTimeOffset now)
    {
        var ended = Ended(placed, ending, now);
        var message = new JsonObject
        {
            ["type"] = "end-of-call-report",
            ["endedReason"] = ended["endedReason"]!.DeepClone(),
            ["startedAt"] = ended["startedAt"]!.DeepClone(),
            ["endedAt"] = ended["endedAt"]!.DeepClone(),
            ["cost"] = ended["cost"]!.DeepClone(),
            ["artifact"] = ended["artifact"]!.DeepClone(),
            ["analysis"] = ended["analysis"]!.DeepClone(),
            ["call"] = ended,
        };
        var body = new JsonObject { ["message"] = message }.ToJsonString();
        var request = Post(eventsUrl, body);
        var stamp = Unix(now);
        request.Headers.Add("x-timestamp", stamp);
        request.Headers.Add("x-signature", Hex(WebhookSecret, $"{stamp}.{body}"));
        return request;
    }

    protected override void Forge(HttpRequestMessage request)
    {
        request.Headers.Remove("x-signature");
        request.Headers.Add("x-signature", Hex("not-the-secret", "whatever"));
    }
}
