namespace Podium.Client;

/// <summary>How an agent sounds and listens. Ids are strings (<c>VP…</c>).</summary>
public sealed record VoiceProfile
{
    public string ProfileId { get; init; } = "";
    public string Id { get; init; } = "";
    /// <summary>The organization's handle.</summary>
    public string ProjectId { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public string Language { get; init; } = "";
    public IReadOnlyList<string> Languages { get; init; } = [];
    public string? Gender { get; init; }
    public string TtsProvider { get; init; } = "";
    public string TtsVoice { get; init; } = "";
    public string? TtsModel { get; init; }
    public string? TtsLanguage { get; init; }
    public string? SttProvider { get; init; }
    public string? SttModel { get; init; }
    public IReadOnlyList<string> SttLanguages { get; init; } = [];
    public string? GreetingMessage { get; init; }
    public string? VoicePrompt { get; init; }
    public double? VoiceSpeed { get; init; }
    public double? VoiceTemperature { get; init; }
    /// <summary><c>economy</c>, <c>standard</c> or <c>premium</c>.</summary>
    public string Quality { get; init; } = "";
    public decimal? EstimatedCostPerMinUsd { get; init; }
    public int? LatencyMs { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; init; }
}

public sealed record CreateVoiceProfileRequest
{
    public required string Name { get; init; }
    /// <summary>BCP 47, e.g. <c>en-US</c>.</summary>
    public required string Language { get; init; }
    public required string TtsProvider { get; init; }
    public required string TtsVoice { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public string? Gender { get; init; }
    public string? TtsModel { get; init; }
    public string? TtsLanguage { get; init; }
    public string? SttProvider { get; init; }
    public string? SttModel { get; init; }
    public IReadOnlyList<string>? SttLanguages { get; init; }
    public string? GreetingMessage { get; init; }
    public string? VoicePrompt { get; init; }
    public double? VoiceSpeed { get; init; }
    public double? VoiceTemperature { get; init; }
    public string? Quality { get; init; }
    public decimal? EstimatedCostPerMinUsd { get; init; }
    public int? LatencyMs { get; init; }
}

/// <summary>Fields left out keep their value; <c>""</c> clears an optional text.</summary>
public sealed record UpdateVoiceProfileRequest
{
    public string? Name { get; init; }
    public string? Language { get; init; }
    public string? TtsProvider { get; init; }
    public string? TtsVoice { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public string? Gender { get; init; }
    public string? TtsModel { get; init; }
    public string? TtsLanguage { get; init; }
    public string? SttProvider { get; init; }
    public string? SttModel { get; init; }
    public IReadOnlyList<string>? SttLanguages { get; init; }
    public string? GreetingMessage { get; init; }
    public string? VoicePrompt { get; init; }
    public double? VoiceSpeed { get; init; }
    public double? VoiceTemperature { get; init; }
    public string? Quality { get; init; }
    public decimal? EstimatedCostPerMinUsd { get; init; }
    public int? LatencyMs { get; init; }
}

/// <summary>One call: a task of a contact space, placed through an agent.</summary>
public sealed record PodiumCall
{
    public string CallId { get; init; } = "";
    /// <summary>The token of the space the call's run lives in.</summary>
    public string ProjectId { get; init; } = "";
    public string Direction { get; init; } = "";
    /// <summary><c>pending</c>, <c>scheduled</c>, <c>in_flight</c>, <c>hangup_requested</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public string Status { get; init; } = "";
    public string? ToNumber { get; init; }
    public string? FromNumber { get; init; }
    public string AgentId { get; init; } = "";
    public string PipeId { get; init; } = "";
    public string? Instructions { get; init; }
    public System.Text.Json.Nodes.JsonObject Data { get; init; } = [];
    public System.Text.Json.Nodes.JsonArray Transcript { get; init; } = [];
    public string? Summary { get; init; }
    public string? RecordingUrl { get; init; }
    public double? DurationS { get; init; }
    public string? EndReason { get; init; }
    /// <summary>The outcome: completed, voicemail, busy, no_answer or failed.</summary>
    public string? Disposition { get; init; }
    /// <summary>The provider's id of the call.</summary>
    public string? SessionId { get; init; }
    public decimal Cost { get; init; }
    public string RunId { get; init; } = "";
    public string TaskId { get; init; } = "";
    public int Attempt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; init; }
}

/// <summary>One call to <see cref="ToNumber"/> through the agent <see cref="AgentId"/> (a handle); <see cref="Data"/> holds the contact's fields.</summary>
public sealed record PlaceCallRequest
{
    public required string ToNumber { get; init; }
    public required string AgentId { get; init; }
    public string? UserNumber { get; init; }
    public string? Agent { get; init; }
    public string? PipeId { get; init; }
    public string? FromNumber { get; init; }
    public string? Instructions { get; init; }
    public System.Text.Json.Nodes.JsonObject? Data { get; init; }
    public string? SpaceToken { get; init; }
}

/// <summary>The inner <c>{"data": …}</c> the voice-profile answers carry (the Unpod SDK's double wrap).</summary>
internal sealed record Wrapped<T>(T Data);
