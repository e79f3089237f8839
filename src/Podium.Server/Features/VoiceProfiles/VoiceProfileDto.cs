namespace Podium.Server.Features.VoiceProfiles;

/// <summary>
/// A voice profile in the Unpod SDK's shape: string ids (<c>profile_id</c>, and <c>id</c> the same),
/// <c>project_id</c> the organization's handle (never null: every profile here is the organization's own),
/// cost in US dollars a minute, latency in milliseconds.
/// </summary>
public sealed record VoiceProfileDto(
    string ProfileId,
    string Id,
    string ProjectId,
    string Name,
    string Description,
    string Language,
    IReadOnlyList<string> Languages,
    string? Gender,
    string TtsProvider,
    string TtsVoice,
    string? TtsModel,
    string? TtsLanguage,
    string? SttProvider,
    string? SttModel,
    IReadOnlyList<string> SttLanguages,
    string? GreetingMessage,
    string? VoicePrompt,
    double? VoiceSpeed,
    double? VoiceTemperature,
    string Quality,
    decimal? EstimatedCostPerMinUsd,
    int? LatencyMs,
    DateTime Created,
    DateTime Modified)
{
    public static VoiceProfileDto From(VoiceProfile p, string orgHandle) => new(
        p.ProfileId, p.ProfileId, orgHandle, p.Name, p.Description, p.Language, List(p.Languages), p.Gender,
        p.TtsProvider, p.TtsVoice, p.TtsModel, p.TtsLanguage, p.SttProvider, p.SttModel, List(p.SttLanguages),
        p.Greeting, p.VoicePrompt, p.VoiceSpeed, p.VoiceTemperature, p.Quality,
        p.CostPerMinuteMicros is { } micros ? micros / 1_000_000m : null, p.LatencyMs, p.CreatedAt, p.ModifiedAt);

    private static List<string> List(string joined) => [.. joined.Split(',', StringSplitOptions.RemoveEmptyEntries)];
}

/// <summary>
/// The inner <c>{"data": …}</c> of the voice-profile answers: the Unpod backend's view wraps its data once
/// and its renderer again, and the SDK unwraps twice, so Podium answers the same way.
/// </summary>
public sealed record Wrapped<T>(T Data);
