using Podium.Server.Engine.Runtimes.Providers;
using static Podium.Server.Engine.Runtimes.Providers.CallReport;

namespace Podium.Server.Engine.Runtimes.Vapi;

/// <summary>
/// Calls through a Vapi assistant: <c>POST /call</c> with the assistant, the phone number and the contact;
/// the document's fields fill the assistant's <c>{{variables}}</c>. Vapi's server messages come to
/// Podium's events URL (set on the call as the assistant's server), signed with the configuration's
/// <c>webhook_secret</c>; a call without its end-of-call report is read back with <c>GET /call/{id}</c>.
/// </summary>
public sealed class VapiRuntime(ProviderServices services) : HostedAgentRuntime(services)
{
    public const string Origin = "https://api.vapi.ai";
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public override AgentRuntime Kind => AgentRuntime.Vapi;
    public override string ProviderName => "Vapi";
    public override IReadOnlyList<string> RequiredSecrets { get; } = ["api_key", "webhook_secret"];

    protected override HttpRequestMessage StartRequest(ProviderAccount account, AgentCall attempt)
    {
        var server = new JsonObject { ["url"] = Services.EventsUrl(account) };
        if (attempt.Settings.Call.CredentialId is { } credential) server["credentialId"] = credential;
        var customer = new JsonObject { ["number"] = attempt.ToNumber };
        if (CallInput.Name(attempt) is { } name) customer["name"] = name;
        var overrides = new JsonObject
        {
            ["variableValues"] = CallInput.Variables(attempt),
            ["metadata"] = CallInput.Metadata(attempt),
            ["server"] = server,
            ["serverMessages"] = new JsonArray("status-update", "end-of-call-report"),
        };
        if (attempt.Voice is { } voice)
        {
            // The agent's voice profile replaces the assistant's voice (and first message) for this call.
            var spoken = new JsonObject { ["provider"] = voice.TtsProvider, ["voiceId"] = voice.TtsVoice };
            if (voice.TtsModel is { } model) spoken["model"] = model;
            if (voice.Speed is { } speed) spoken["speed"] = speed;
            overrides["voice"] = spoken;
            if (voice.Greeting is { } greeting) overrides["firstMessage"] = greeting;
        }
        var body = new JsonObject
        {
            ["assistantId"] = attempt.Settings.Call.AssistantId,
            ["phoneNumberId"] = attempt.Settings.Call.PhoneNumberId,
            ["customer"] = customer,
            ["name"] = attempt.IdempotencyKey,
            ["assistantOverrides"] = overrides,
        };
        return WithBearerKey(account, new HttpRequestMessage(HttpMethod.Post, account.Url(Origin, "/call")) { Content = JsonContent(body) });
    }

    protected override (string? CallId, string? Refusal) ReadStarted(JsonObject answer) =>
        Text(answer["id"]) is { } id ? (id, null) : (null, "its answer has no call id.");

    protected override HttpRequestMessage FetchRequest(ProviderAccount account, string providerCallId) =>
        WithBearerKey(account, new HttpRequestMessage(HttpMethod.Get, account.Url(Origin, $"/call/{Uri.EscapeDataString(providerCallId)}")));

    protected override CallReport ReadCall(string providerCallId, JsonObject providerCall) =>
        Text(providerCall["status"]) == "ended"
            ? Report(providerCallId, CallProgress.Reported, Text(providerCall["endedReason"]), providerCall, providerCall["artifact"] as JsonObject, providerCall["analysis"] as JsonObject, providerCall["cost"])
            : new CallReport(providerCallId, CallProgress.Live) { ProviderStatus = Text(providerCall["status"]) };

    /// <summary>
    /// Vapi signs with the credential's HMAC plan at its defaults (<c>x-signature</c> = hex HMAC-SHA256 of
    /// <c>{timestamp}.{body}</c>, <c>x-timestamp</c> within five minutes), or sends a Bearer plan's token.
    /// </summary>
    public override ValueTask<ProviderEvent?> ReadEventAsync(ProviderAccount account, ProviderEventRequest request) => ValueTask.FromResult(Read(account, request));

    private ProviderEvent? Read(ProviderAccount account, ProviderEventRequest request)
    {
        var secret = account.Secret("webhook_secret");
        if (secret is null || !Verified(secret, request)) return null;
        if (Json(request.Body)?["message"] is not JsonObject message || message["call"] is not JsonObject call || Text(call["id"]) is not { } callId)
            return null;
        var metadata = (call["assistantOverrides"] as JsonObject)?["metadata"];
        var type = Text(message["type"]);
        if (type == "end-of-call-report")
            return new ProviderEvent(callId, Report(callId, CallProgress.Reported, Text(message["endedReason"]), message, message["artifact"] as JsonObject, message["analysis"] as JsonObject, message["cost"] ?? call["cost"])).WithKeyFrom(metadata);
        if (type == "status-update" && Text(message["status"]) == "ended")
            return new ProviderEvent(callId, Report(callId, CallProgress.Ended, Text(message["endedReason"]), call, call["artifact"] as JsonObject, null, call["cost"])).WithKeyFrom(metadata);
        return new ProviderEvent(callId, null);
    }

    private bool Verified(string secret, ProviderEventRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return EventSignatures.SameText(secret, authorization["Bearer ".Length..].Trim());
        var signature = request.Headers["x-signature"].ToString();
        var stamp = request.Headers["x-timestamp"].ToString();
        if (signature.Length == 0 || !long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
        // Seconds or milliseconds: Vapi's documentation does not say which it sends.
        var at = value > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        if ((Services.Clock.GetUtcNow() - at).Duration() > Tolerance) return false;
        return EventSignatures.SameText(EventSignatures.HexHmacSha256(secret, EventSignatures.Join(stamp + ".", request.Body)), signature.ToLowerInvariant());
    }

    private static CallReport Report(string callId, CallProgress progress, string? endedReason, JsonObject times, JsonObject? artifact, JsonObject? analysis, JsonNode? cost)
    {
        var (outcome, kind) = VapiOutcomes.Map(endedReason);
        var started = FromIso(times["startedAt"]);
        var ended = FromIso(times["endedAt"]);
        var success = Text(analysis?["successEvaluation"]);
        return new CallReport(callId, progress)
        {
            Outcome = outcome,
            FailureKind = kind,
            RawEndReason = endedReason,
            ProviderStatus = "ended",
            StartedAt = started,
            EndedAt = ended,
            DurationSeconds = started is { } s && ended is { } e ? (int)Math.Round((e - s).TotalSeconds) : 0,
            RecordingUrl = Text(artifact?["recordingUrl"]),
            Transcript = Transcript(artifact),
            Summary = Text(analysis?["summary"]),
            Data = analysis?["structuredData"] as JsonObject,
            Successful = success is null ? null : success is "true" or "pass" or "PASS",
            Cost = Number(cost),
        };
    }

    /// <summary>The conversation's turns from <c>artifact.messages</c> (bot and user), as Podium's role/content pairs.</summary>
    private static JsonArray Transcript(JsonObject? artifact)
    {
        var turns = new JsonArray();
        foreach (var message in (artifact?["messages"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var role = Text(message["role"]) switch { "assistant" or "bot" => "agent", "user" => "user", _ => null };
            if (role is not null && Text(message["message"]) is { } content)
                turns.Add(new JsonObject { ["role"] = role, ["content"] = content });
        }
        return turns;
    }
}
