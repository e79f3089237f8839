using System.Text.RegularExpressions;
using Podium.Server.Engine.Runtimes.Providers;
using static Podium.Server.Engine.Runtimes.Providers.CallReport;

namespace Podium.Server.Engine.Runtimes.Retell;

/// <summary>
/// Calls through a Retell agent: <c>POST /v2/create-phone-call</c> from the agent's number, the document's
/// fields as <c>retell_llm_dynamic_variables</c>. Retell's webhooks (set the Retell agent's webhook URL to
/// the configuration's events URL) are signed with the API key; <c>call_analyzed</c> finishes the attempt,
/// and a call without it is read back with <c>GET /v2/get-call/{id}</c>.
/// </summary>
public sealed partial class RetellRuntime(ProviderServices services) : HostedAgentRuntime(services)
{
    public const string Origin = "https://api.retellai.com";
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public override AgentRuntime Kind => AgentRuntime.Retell;
    public override string ProviderName => "Retell";
    public override IReadOnlyList<string> RequiredSecrets { get; } = ["api_key"];

    protected override HttpRequestMessage StartRequest(ProviderAccount account, AgentCall attempt)
    {
        var body = new JsonObject
        {
            ["from_number"] = attempt.CallerNumber,
            ["to_number"] = attempt.ToNumber,
            ["retell_llm_dynamic_variables"] = CallInput.Variables(attempt),
            ["metadata"] = CallInput.Metadata(attempt),
        };
        if (attempt.Settings.Call.AssistantId is { } agent) body["override_agent_id"] = agent;
        return WithBearerKey(account, new HttpRequestMessage(HttpMethod.Post, account.Url(Origin, "/v2/create-phone-call")) { Content = JsonContent(body) });
    }

    protected override (string? CallId, string? Refusal) ReadStarted(JsonObject answer) =>
        Text(answer["call_id"]) is { } id ? (id, null) : (null, "its answer has no call_id.");

    /// <summary>Retell's stop-call ends a live call; it then reports <c>manual_stopped</c>.</summary>
    protected override Task<string?> EndCallAsync(ProviderAccount account, string providerCallId, CancellationToken ct) =>
        EndWithAsync(WithBearerKey(account, new HttpRequestMessage(HttpMethod.Post, account.Url(Origin, $"/v2/stop-call/{Uri.EscapeDataString(providerCallId)}"))), ct);

    protected override HttpRequestMessage FetchRequest(ProviderAccount account, string providerCallId) =>
        WithBearerKey(account, new HttpRequestMessage(HttpMethod.Get, account.Url(Origin, $"/v2/get-call/{Uri.EscapeDataString(providerCallId)}")));

    protected override CallReport ReadCall(string providerCallId, JsonObject providerCall) =>
        Text(providerCall["call_status"]) is "ended" or "error" or "not_connected"
            ? Report(providerCallId, CallProgress.Reported, providerCall)
            : new CallReport(providerCallId, CallProgress.Live) { ProviderStatus = Text(providerCall["call_status"]) };

    /// <summary><c>x-retell-signature: v=&lt;ms&gt;,d=&lt;hex HMAC-SHA256(key, body + ms)&gt;</c>, within five minutes either way.</summary>
    public override ValueTask<ProviderEvent?> ReadEventAsync(ProviderAccount account, ProviderEventRequest request) => ValueTask.FromResult(Read(account, request));

    private ProviderEvent? Read(ProviderAccount account, ProviderEventRequest request)
    {
        // Retell signs with an API key that has the webhook badge: webhook_secret when it is another key than api_key.
        var key = account.Secret("webhook_secret") ?? account.Secret("api_key");
        var match = Signature().Match(request.Headers["x-retell-signature"].ToString());
        if (key is null || !match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            return null;
        if (ms > 253_402_300_799_999 || (Services.Clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(ms)).Duration() > Tolerance) return null;
        var expected = EventSignatures.HexHmacSha256(key, EventSignatures.Join("", request.Body, match.Groups[1].Value));
        if (!EventSignatures.SameText(expected, match.Groups[2].Value.ToLowerInvariant())) return null;
        if (Json(request.Body) is not { } envelope || envelope["call"] is not JsonObject call || Text(call["call_id"]) is not { } callId) return null;
        return Text(envelope["event"]) switch
        {
            "call_analyzed" => new ProviderEvent(callId, Report(callId, CallProgress.Reported, call)).WithKeyFrom(call["metadata"]),
            "call_ended" => new ProviderEvent(callId, Report(callId, CallProgress.Ended, call)).WithKeyFrom(call["metadata"]),
            _ => new ProviderEvent(callId, null),
        };
    }

    [GeneratedRegex("^v=(\\d{1,16}),d=([0-9a-f]{64})$", RegexOptions.IgnoreCase)]
    private static partial Regex Signature();

    private static CallReport Report(string callId, CallProgress progress, JsonObject call)
    {
        var reason = Text(call["disconnection_reason"]);
        var analysis = call["call_analysis"] as JsonObject;
        var (outcome, kind) = analysis?["in_voicemail"] is JsonValue v && v.TryGetValue<bool>(out var voicemail) && voicemail
            ? (CallOutcomes.Voicemail, null)
            : RetellOutcomes.Map(reason);
        var duration = call["duration_ms"] is JsonValue d && d.TryGetValue<double>(out var durationMs) ? (int)Math.Round(durationMs / 1000) : 0;
        var turns = new JsonArray();
        foreach (var turn in (call["transcript_object"] as JsonArray ?? []).OfType<JsonObject>())
            if (Text(turn["role"]) is "agent" or "user" && Text(turn["content"]) is { } content)
                turns.Add(new JsonObject { ["role"] = Text(turn["role"]), ["content"] = content });
        bool? successful = analysis?["call_successful"] is JsonValue s && s.TryGetValue<bool>(out var ok) ? ok : null;
        return new CallReport(callId, progress)
        {
            Outcome = outcome,
            FailureKind = kind,
            RawEndReason = reason,
            ProviderStatus = Text(call["call_status"]),
            StartedAt = FromUnixMilliseconds(call["start_timestamp"]),
            EndedAt = FromUnixMilliseconds(call["end_timestamp"]),
            DurationSeconds = duration,
            RecordingUrl = Text(call["recording_url"]),
            Transcript = turns,
            Summary = Text(analysis?["call_summary"]),
            Data = analysis?["custom_analysis_data"] as JsonObject,
            Successful = successful,
            Sentiment = Text(analysis?["user_sentiment"])?.ToLowerInvariant(),
            // Retell states money in cents.
            Cost = Number((call["call_cost"] as JsonObject)?["combined_cost"]) / 100m,
        };
    }
}
