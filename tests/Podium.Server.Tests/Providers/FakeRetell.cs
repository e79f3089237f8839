using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Podium.Server.Tests.Providers;

/// <summary>Retell as its reference describes it: create-phone-call, get-call, webhooks signed with the API key.</summary>
public sealed class FakeRetell : FakeProvider
{
    public override string Provider => "retell";

    public override JsonObject RuntimeSettings => new() { ["assistant_id"] = "agent_fake", ["from_number"] = "+14155550100" };

    public override string Raw(Ending ending) => ending switch
    {
        Ending.Completed => "user_hangup",
        Ending.Voicemail => "voicemail_reached",
        Ending.Busy => "dial_busy",
        Ending.NoAnswer => "dial_no_answer",
        _ => "dial_failed",
    };

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v2/create-phone-call", async (HttpContext context) =>
        {
            var body = await BodyAsync(context.Request);
            if (!Authorized(context) | !Check(Text(body?["from_number"]) == "+14155550100", "create-phone-call without from_number")
                | !Check(Text(body?["to_number"])?.StartsWith('+') == true, "create-phone-call without to_number in E.164"))
                return Results.BadRequest();
            if (await ScriptedAnswerAsync(context)) return Results.Empty;
            var id = NextId("call_");
            Place(new PlacedCall(id, Text(body!["to_number"])!, body, DateTime.UtcNow));
            return Json(new JsonObject { ["call_type"] = "phone_call", ["call_id"] = id, ["call_status"] = "registered", ["metadata"] = body["metadata"]?.DeepClone() }, HttpStatusCode.Created);
        });
        app.MapPost("/v2/stop-call/{id}", (string id, HttpContext context) =>
        {
            if (!Authorized(context)) return Results.Unauthorized();
            if (Placed.All(c => c.Id != id)) return Results.NotFound();
            HungUp.Enqueue(id);
            return Results.NoContent();
        });
        app.MapGet("/v2/get-call/{id}", (string id, HttpContext context) =>
        {
            if (!Authorized(context)) return Results.Unauthorized();
            var call = Placed.FirstOrDefault(c => c.Id == id);
            if (call is null) return Results.NotFound();
            return EndedOnRead.TryGetValue(id, out var ending)
                ? Json(Ended(call, ending, DateTimeOffset.UtcNow))
                : Json(new JsonObject { ["call_id"] = id, ["call_status"] = "ongoing" });
        });
    }

    private bool Authorized(HttpContext context) =>
        Check(context.Request.Headers.Authorization.ToString() == $"Bearer {ApiKey}", $"{context.Request.Path} without the Bearer API key");

    private JsonObject Ended(PlacedCall call, Ending ending, DateTimeOffset now) => new()
    {
        ["call_id"] = call.Id,
        ["call_type"] = "phone_call",
        ["call_status"] = ending is Ending.Completed or Ending.Voicemail ? "ended" : "not_connected",
        ["disconnection_reason"] = Raw(ending),
        ["start_timestamp"] = now.AddSeconds(-42).ToUnixTimeMilliseconds(),
        ["end_timestamp"] = now.ToUnixTimeMilliseconds(),
        ["duration_ms"] = 42_000,
        ["recording_url"] = $"https://recordings.example/{call.Id}.wav",
        ["transcript_object"] = new JsonArray(
            new JsonObject { ["role"] = "agent", ["content"] = "Hi, this is Podium calling." },
            new JsonObject { ["role"] = "user", ["content"] = "Hello." }),
        ["call_analysis"] = new JsonObject
        {
            ["call_summary"] = $"Summary of {call.Id}",
            ["in_voicemail"] = ending == Ending.Voicemail,
            ["user_sentiment"] = "Positive",
            ["call_successful"] = true,
            ["custom_analysis_data"] = new JsonObject { ["outcome"] = "interested" },
        },
        ["call_cost"] = new JsonObject { ["combined_cost"] = 18.34 },
        ["metadata"] = call.Body["metadata"]?.DeepClone(),
    };

    public override HttpRequestMessage EndEvent(PlacedCall placed, Ending ending, string eventsUrl, DateTimeOffset now)
    {
        var body = new JsonObject { ["event"] = "call_analyzed", ["call"] = Ended(placed, ending, now) }.ToJsonString();
        var request = Post(eventsUrl, body);
        var ms = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add("x-retell-signature", $"v={ms},d={Hex(ApiKey, body + ms)}");
        return request;
    }

    protected override void Forge(HttpRequestMessage request)
    {
        var header = request.Headers.GetValues("x-retell-signature").Single();
        request.Headers.Remove("x-retell-signature");
        request.Headers.Add("x-retell-signature", header[..header.IndexOf(",d=", StringComparison.Ordinal)] + ",d=" + Hex("not-the-key", "x"));
    }
}
