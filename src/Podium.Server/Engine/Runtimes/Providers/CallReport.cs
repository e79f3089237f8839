namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>How far a call has got, as its provider tells it.</summary>
public enum CallProgress
{
    /// <summary>Ringing or talking.</summary>
    Live,

    /// <summary>Over, with the provider's analysis (summary, extracted data) still to come.</summary>
    Ended,

    /// <summary>Over, and everything the provider will say about it is here.</summary>
    Reported,
}

/// <summary>
/// One call as a provider reports it, in Podium's terms: the outcome (and, for a failure, why) mapped
/// from the provider's own end state, which is kept raw beside it.
/// </summary>
public sealed record CallReport(string ProviderCallId, CallProgress Progress)
{
    public string Outcome { get; init; } = CallOutcomes.Completed;

    /// <summary>For a failure: invalid_number, rejected, carrier or provider_error.</summary>
    public string? FailureKind { get; init; }
    public string? RawEndReason { get; init; }
    public string? ProviderStatus { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public int? DurationSeconds { get; init; }
    public string? RecordingUrl { get; init; }
    public JsonArray Transcript { get; init; } = [];
    public string? Summary { get; init; }

    /// <summary>What the provider's analysis extracted (structured data, data collection, custom analysis).</summary>
    public JsonObject? Data { get; init; }
    public bool? Successful { get; init; }
    public string? Sentiment { get; init; }
    public decimal Cost { get; init; }

    /// <summary>
    /// The task output every provider runtime produces, field for field the simulated runtime's, plus
    /// <c>provider</c>, <c>provider_end_reason</c> and <c>failure_kind</c>.
    /// </summary>
    public AgentResult ToResult(string provider, string providerName, string? callerNumber)
    {
        var endReason = Outcome switch
        {
            CallOutcomes.Completed => "hangup",
            CallOutcomes.Failed => FailureKind ?? "provider_error",
            _ => Outcome,
        };
        var disposition = Data?["outcome"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : Outcome;
        var output = new JsonObject
        {
            ["call_id"] = ProviderCallId,
            ["call_status"] = Outcome == CallOutcomes.NoAnswer ? "no-answer" : Outcome,
            ["call_type"] = "outbound",
            ["call_end_reason"] = endReason,
            ["start_time"] = Iso(StartedAt ?? EndedAt),
            ["end_time"] = Iso(EndedAt),
            ["duration"] = DurationSeconds ?? 0,
            ["recording_url"] = RecordingUrl,
            ["transcript"] = Transcript.DeepClone(),
            ["call_summary"] = Summary,
            ["post_call_data"] = new JsonObject
            {
                ["summary"] = Summary,
                ["outcome"] = disposition,
                ["sentiment"] = Sentiment,
                ["success"] = Successful,
                ["data"] = Data?.DeepClone(),
            },
            ["cost"] = Cost,
            ["assistant_number"] = callerNumber,
            ["provider"] = provider,
            ["provider_end_reason"] = RawEndReason,
            ["provider_status"] = ProviderStatus,
            ["failure_kind"] = Outcome == CallOutcomes.Failed ? endReason : null,
        };
        var error = Outcome == CallOutcomes.Failed
            ? $"{providerName} ended the call: {RawEndReason ?? ProviderStatus ?? "no reason given"} ({endReason})."
            : null;
        return new AgentResult(Outcome, output, (long)(Cost * 1_000_000m), DurationSeconds, error);
    }

    private static string? Iso(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTime? FromUnixSeconds(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<double>(out var s) ? DateTime.UnixEpoch.AddSeconds(s) : null;

    public static DateTime? FromUnixMilliseconds(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<double>(out var ms) ? DateTime.UnixEpoch.AddMilliseconds(ms) : null;

    public static DateTime? FromIso(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime
            : null;

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    public static decimal Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<decimal>(out var n) ? n : 0;
}

/// <summary>
/// A verified event from a provider: which call it is about, and what it says (null: nothing Podium acts on).
/// <see cref="TaskKey"/>: the task and attempt Podium gave the provider to keep on the call, when the event carries them.
/// </summary>
public sealed record ProviderEvent(string ProviderCallId, CallReport? Report)
{
    public (string TaskId, int Attempt)? TaskKey { get; init; }

    /// <summary>Reads the task and attempt from the metadata Podium put on the call (<see cref="CallInput.Metadata"/>).</summary>
    public ProviderEvent WithKeyFrom(System.Text.Json.Nodes.JsonNode? metadata) =>
        CallReport.Text(metadata?["podium_task_id"]) is { } task && metadata?["podium_attempt"] is System.Text.Json.Nodes.JsonValue n && n.TryGetValue<int>(out var attempt)
            ? this with { TaskKey = (task, attempt) }
            : this;

    /// <summary>Reads the task and attempt from Podium's idempotency key (<c>task-attempt</c>) where a provider keeps only a string.</summary>
    public ProviderEvent WithKeyFrom(string? idempotencyKey)
    {
        var dash = idempotencyKey?.LastIndexOf('-') ?? -1;
        return dash > 0 && int.TryParse(idempotencyKey![(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var attempt)
            ? this with { TaskKey = (idempotencyKey[..dash], attempt) }
            : this;
    }
}

/// <summary>An event as it arrived: the raw bytes the signature covers, the headers, and the URL it was sent to.</summary>
public sealed record ProviderEventRequest(IHeaderDictionary Headers, byte[] Body, string Url, IFormCollection? Form = null);
