using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Podium.Server.Tests.Providers;

/// <summary>ElevenLabs Agents as its reference describes it: Twilio outbound call, conversation GET, HMAC post-call webhooks.</summary>
public sealed class FakeElevenLabs : FakeProvider
{
    public override string Provider => "elevenlabs";

    public override JsonObject RuntimeSettings => new() { ["assistant_id"] = "agent_fake", ["phone_number_id"] = "phnum_fake" };

    public override string Raw(Ending ending) => ending switch
    {
        Ending.Completed => "answered",
        Ending.Voicemail => "voicemail",
        Ending.Busy => "busy",
        Ending.NoAnswer => "no_answer",
        _ => "failed",
    };

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v1/convai/twilio/outbound-call", async (HttpContext context) =>
        {
            var body = await BodyAsync(context.Request);
            if (!Authorized(context) | !Check(Text(body?["agent_id"]) == "agent_fake", "outbound-call without agent_id")
                | !Check(Text(body?["agent_phone_number_id"]) == "phnum_fake", "outbound-call without agent_phone_number_id")
                | !Check(Text(body?["to_number"])?.StartsWith('+') == true, "outbound-call without to_number in E.164"))
                return Results.UnprocessableEntity();
            if (await ScriptedAnswerAsync(context)) return Results.Empty;
            var id = NextId("conv_");
            Place(new PlacedCall(id, Text(body!["to_number"])!, body, DateTime.UtcNow));
            return Json(new JsonObject { ["success"] = true, ["message"] = "Success", ["conversation_id"] = id, ["callSid"] = "CA" + id });
        });
        app.MapGet("/v1/convai/conversations/{id}", (string id, HttpContext context) =>
        {
            if (!Authorized(context)) return Results.Unauthorized();
            var call = Placed.FirstOrDefault(c => c.Id == id);
            if (call is null) return Results.NotFound();
            return EndedOnRead.TryGetValue(id, out var ending)
                ? Json(Conversation(call, ending, DateTimeOffset.UtcNow))
                : Json(new JsonObject { ["conversation_id"] = id, ["status"] = "in-progress", ["metadata"] = new JsonObject() });
        });
    }

    private bool Authorized(HttpContext context) =>
        Check(context.Request.Headers["xi-api-key"].ToString() == ApiKey, $"{context.Request.Path} without xi-api-key");

    private JsonObject Conversation(PlacedCall call, Ending ending, DateTimeOffset now) => new()
    {
        ["agent_id"] = "agent_fake",
        ["conversation_id"] = call.Id,
        ["status"] = ending == Ending.Failed ? "failed" : "done",
        ["user_id"] = Text(call.Body["conversation_initiation_client_data"]?["user_id"]),
        ["transcript"] = new JsonArray(
            new JsonObject { ["role"] = "agent", ["message"] = "Hi, this is Podium calling.", ["time_in_call_secs"] = 0 },
            new JsonObject { ["role"] = "user", ["message"] = "Hello.", ["time_in_call_secs"] = 3 }),
        ["metadata"] = new JsonObject
        {
            ["start_time_unix_secs"] = now.AddSeconds(-42).ToUnixTimeSeconds(),
            ["call_duration_secs"] = 42,
            ["cost"] = 712,
            ["cost_fiat"] = 0.1834,
            ["phone_call"] = new JsonObject { ["type"] = "twilio", ["direction"] = "outbound", ["call_sid"] = "CA" + call.Id, ["call_result"] = Raw(ending), ["external_number"] = call.ToNumber },
        },
        ["analysis"] = new JsonObject
        {
            ["call_successful"] = "success",
            ["transcript_summary"] = $"Summary of {call.Id}",
            ["data_collection_results"] = new JsonObject { ["outcome"] = new JsonObject { ["value"] = "interested" } },
        },
    };

    public override HttpRequestMessage EndEvent(PlacedCall placed, Ending ending, string eventsUrl, DateTimeOffset now)
    {
        var body = new JsonObject { ["type"] = "post_call_transcription", ["event_timestamp"] = now.ToUnixTimeSeconds(), ["data"] = Conversation(placed, ending, now) }.ToJsonString();
        var request = Post(eventsUrl, body);
        var stamp = Unix(now);
        request.Headers.Add("ElevenLabs-Signature", $"t={stamp},v0={Hex(WebhookSecret, $"{stamp}.{body}")}");
        return request;
    }

    protected override void Forge(HttpRequestMessage request)
    {
        var header = request.Headers.GetValues("ElevenLabs-Signature").Single();
        request.Headers.Remove("ElevenLabs-Signature");
        request.Headers.Add("ElevenLabs-Signature", header[..header.IndexOf(",v0=", StringComparison.Ordinal)] + ",v0=" + Hex("not-the-secret", "x"));
    }
}
