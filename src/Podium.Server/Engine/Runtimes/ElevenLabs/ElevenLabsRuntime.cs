using Podium.Server.Engine.Runtimes.Providers;
using static Podium.Server.Engine.Runtimes.Providers.CallReport;

namespace Podium.Server.Engine.Runtimes.ElevenLabs;

/// <summary>
/// Calls through an ElevenLabs agent: <c>POST /v1/convai/twilio/outbound-call</c> (or
/// <c>sip-trunk/outbound-call</c>) from the agent's imported number, the document's fields as dynamic
/// variables. The workspace's post-call webhook (HMAC, the configuration's <c>webhook_secret</c>) finishes
/// the attempt; a call without it is read back with <c>GET /v1/convai/conversations/{id}</c>.
/// </summary>
public sealed class ElevenLabsRuntime(ProviderServices services) : HostedAgentRuntime(services)
{
    public const string Origin = "https://api.elevenlabs.io";
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(30);

    public override AgentRuntime Kind => AgentRuntime.ElevenLabs;
    public override string ProviderName => "ElevenLabs";
    public override IReadOnlyList<string> RequiredSecrets { get; } = ["api_key", "webhook_secret"];

    protected override HttpRequestMessage StartRequest(ProviderAccount account, AgentCall attempt)
    {
        var route = attempt.Settings.Call.SipTrunk ? "sip-trunk" : "twilio";
        var body = new JsonObject
        {
            ["agent_id"] = attempt.Settings.Call.AssistantId,
            ["agent_phone_number_id"] = attempt.Settings.Call.PhoneNumberId,
            ["to_number"] = attempt.ToNumber,
            ["conversation_initiation_client_data"] = new JsonObject
            {
                ["user_id"] = attempt.IdempotencyKey,
                ["dynamic_variables"] = CallInput.Variables(attempt),
            },
        };
        if (attempt.Voice is { } voice)
        {
            // The agent's voice profile replaces the ElevenLabs agent's voice, language and first message for this call.
            var agent = new JsonObject { ["language"] = voice.Language.Split('-')[0] };
            if (voice.Greeting is { } greeting) agent["first_message"] = greeting;
            var data = (JsonObject)body["conversation_initiation_client_data"]!;
            data["conversation_config_override"] = new JsonObject { ["agent"] = agent, ["tts"] = new JsonObject { ["voice_id"] = voice.TtsVoice } };
        }
        return Authorized(account, new HttpRequestMessage(HttpMethod.Post, account.Url(Origin, $"/v1/convai/{route}/outbound-call")) { Content = JsonContent(body) });
    }

    protected override (string? CallId, string? Refusal) ReadStarted(JsonObject answer)
    {
        var success = answer["success"] is JsonValue v && v.TryGetValue<bool>(out var ok) && ok;
        return success && Text(answer["conversation_id"]) is { } id ? (id, null) : (null, Text(answer["message"]) ?? "it answered success=false.");
    }

    protected override HttpRequestMessage FetchRequest(ProviderAccount account, string providerCallId) =>
        Authorized(account, new HttpRequestMessage(HttpMethod.Get, account.Url(Origin, $"/v1/convai/conversations/{Uri.EscapeDataString(providerCallId)}")));

    protected override CallReport ReadCall(string providerCallId, JsonObject providerCall) => Text(providerCall["status"]) switch
    {
        "done" or "failed" => Report(providerCallId, CallProgress.Reported, providerCall),
        "processing" => Report(providerCallId, CallProgress.Ended, providerCall),
        var status => new CallReport(providerCallId, CallProgress.Live) { ProviderStatus = status },
    };

    /// <summary><c>ElevenLabs-Signature: t=&lt;s&gt;,v0=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</c>, no older than 30 minutes.</summary>
    public override ValueTask<ProviderEvent?> ReadEventAsync(ProviderAccount account, ProviderEventRequest request) => ValueTask.FromResult(Read(account, request));

    private ProviderEvent? Read(ProviderAccount account, ProviderEventRequest request)
    {
        var secret = account.Secret("webhook_secret");
        var header = request.Headers["ElevenLabs-Signature"].ToString();
        var stamp = EventSignatures.Part(header, "t");
        var signature = EventSignatures.Part(header, "v0");
        if (secret is null || signature is null || !long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799)
            return null;
        var age = Services.Clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        // ElevenLabs refuses only the too old; Podium also refuses what is signed for the far future.
        if (age > Tolerance || age < -TimeSpan.FromMinutes(5)) return null;
        var expected = EventSignatures.HexHmacSha256(secret, EventSignatures.Join(stamp + ".", request.Body));
        if (!EventSignatures.SameText(expected, signature.ToLowerInvariant())) return null;
        if (Json(request.Body) is not { } envelope || envelope["data"] is not JsonObject data || Text(data["conversation_id"]) is not { } id) return null;
        return Text(envelope["type"]) switch
        {
            "post_call_transcription" => new ProviderEvent(id, Report(id, CallProgress.Reported, data)).WithKeyFrom(Text(data["user_id"])),
            "call_initiation_failure" => new ProviderEvent(id, InitiationFailure(id, data)).WithKeyFrom(Text(data["user_id"])),
            _ => new ProviderEvent(id, null),
        };
    }

    private static CallReport InitiationFailure(string id, JsonObject data)
    {
        var reason = Text(data["failure_reason"]);
        var (outcome, kind) = reason switch
        {
            "busy" => (CallOutcomes.Busy, (string?)null),
            "no-answer" or "no_answer" => (CallOutcomes.NoAnswer, null),
            _ => (CallOutcomes.Failed, "carrier"),
        };
        return new CallReport(id, CallProgress.Reported) { Outcome = outcome, FailureKind = kind, RawEndReason = reason, ProviderStatus = "failed" };
    }

    private static CallReport Report(string id, CallProgress progress, JsonObject conversation)
    {
        var metadata = conversation["metadata"] as JsonObject;
        var analysis = conversation["analysis"] as JsonObject;
        var status = Text(conversation["status"]);
        var result = Text((metadata?["phone_call"] as JsonObject)?["call_result"]);
        var (outcome, kind) = result switch
        {
            "answered" when status != "failed" => (CallOutcomes.Completed, (string?)null),
            "voicemail" => (CallOutcomes.Voicemail, null),
            "busy" => (CallOutcomes.Busy, null),
            "no_answer" => (CallOutcomes.NoAnswer, null),
            "failed" => (CallOutcomes.Failed, "carrier"),
            null when status == "done" => (CallOutcomes.Completed, null),
            _ => (CallOutcomes.Failed, "provider_error"),
        };
        var started = FromUnixSeconds(metadata?["start_time_unix_secs"]);
        var duration = metadata?["call_duration_secs"] is JsonValue d && d.TryGetValue<double>(out var secs) ? (int)Math.Round(secs) : 0;
        var turns = new JsonArray();
        foreach (var turn in (conversation["transcript"] as JsonArray ?? []).OfType<JsonObject>())
            if (Text(turn["role"]) is "agent" or "user" && Text(turn["message"]) is { } message)
                turns.Add(new JsonObject { ["role"] = Text(turn["role"]), ["content"] = message });
        JsonObject? data = null;
        if (analysis?["data_collection_results"] is JsonObject collected)
        {
            data = [];
            foreach (var (name, item) in collected)
                data[name] = item is JsonObject r ? r["value"]?.DeepClone() : item?.DeepClone();
        }
        var verdict = Text(analysis?["call_successful"]);
        return new CallReport(id, progress)
        {
            Outcome = outcome,
            FailureKind = kind,
            RawEndReason = result ?? Text(metadata?["termination_reason"]),
            ProviderStatus = status,
            StartedAt = started,
            EndedAt = started?.AddSeconds(duration),
            DurationSeconds = duration,
            Transcript = turns,
            Summary = Text(analysis?["transcript_summary"]),
            Data = data,
            Successful = verdict is "success" ? true : verdict is "failure" ? false : null,
            // metadata.cost is in ElevenLabs credits, not money: only the fiat figure is a cost.
            Cost = Number(metadata?["cost_fiat"]),
        };
    }

    private static HttpRequestMessage Authorized(ProviderAccount account, HttpRequestMessage request)
    {
        request.Headers.Add("xi-api-key", account.Secret("api_key"));
        return request;
    }
}
