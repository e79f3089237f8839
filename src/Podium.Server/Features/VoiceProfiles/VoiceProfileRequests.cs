using System.Text.RegularExpressions;

namespace Podium.Server.Features.VoiceProfiles;

/// <param name="Language">BCP 47 (e.g. en-US), the profile's main language.</param>
/// <param name="EstimatedCostPerMinUsd">What a minute of speech costs, in US dollars.</param>
public sealed record CreateVoiceProfileRequest(
    string? Name = null,
    string? Language = null,
    string? TtsProvider = null,
    string? TtsVoice = null,
    string? Description = null,
    IReadOnlyList<string>? Languages = null,
    string? Gender = null,
    string? TtsModel = null,
    string? TtsLanguage = null,
    string? SttProvider = null,
    string? SttModel = null,
    IReadOnlyList<string>? SttLanguages = null,
    string? GreetingMessage = null,
    string? VoicePrompt = null,
    double? VoiceSpeed = null,
    double? VoiceTemperature = null,
    string? Quality = null,
    decimal? EstimatedCostPerMinUsd = null,
    int? LatencyMs = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required("name", Name);
        errors.Required("language", Language);
        errors.Required("tts_provider", TtsProvider);
        errors.Required("tts_voice", TtsVoice);
        VoiceFields.Check(errors, this);
    }
}

/// <summary>Fields left out keep their value; <c>""</c> clears an optional text.</summary>
public sealed record UpdateVoiceProfileRequest(
    string? Name = null,
    string? Language = null,
    string? TtsProvider = null,
    string? TtsVoice = null,
    string? Description = null,
    IReadOnlyList<string>? Languages = null,
    string? Gender = null,
    string? TtsModel = null,
    string? TtsLanguage = null,
    string? SttProvider = null,
    string? SttModel = null,
    IReadOnlyList<string>? SttLanguages = null,
    string? GreetingMessage = null,
    string? VoicePrompt = null,
    double? VoiceSpeed = null,
    double? VoiceTemperature = null,
    string? Quality = null,
    decimal? EstimatedCostPerMinUsd = null,
    int? LatencyMs = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        foreach (var (field, value) in new[] { ("name", Name), ("language", Language), ("tts_provider", TtsProvider), ("tts_voice", TtsVoice) })
            if (value is not null) errors.Required(field, value);
        VoiceFields.Check(errors, new CreateVoiceProfileRequest(Name, Language, TtsProvider, TtsVoice, Description, Languages, Gender, TtsModel, TtsLanguage,
            SttProvider, SttModel, SttLanguages, GreetingMessage, VoicePrompt, VoiceSpeed, VoiceTemperature, Quality, EstimatedCostPerMinUsd, LatencyMs));
    }
}

internal static partial class VoiceFields
{
    public static readonly string[] Qualities = ["economy", "standard", "premium"];
    public static readonly string[] Genders = ["female", "male", "neutral"];

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    public static void Check(ValidationErrors errors, CreateVoiceProfileRequest r)
    {
        errors.MaxLength("name", r.Name, 200);
        errors.MaxLength("description", r.Description, 2000);
        Language(errors, "language", r.Language, required: true);
        Language(errors, "tts_language", r.TtsLanguage, required: false);
        Languages(errors, "languages", r.Languages);
        Languages(errors, "stt_languages", r.SttLanguages);
        foreach (var (field, value) in new[] { ("tts_provider", r.TtsProvider), ("stt_provider", r.SttProvider) })
            errors.MaxLength(field, value, 64);
        foreach (var (field, value) in new[] { ("tts_voice", r.TtsVoice), ("tts_model", r.TtsModel), ("stt_model", r.SttModel) })
            errors.MaxLength(field, value, 200);
        errors.MaxLength("greeting_message", r.GreetingMessage, 1000);
        errors.MaxLength("voice_prompt", r.VoicePrompt, 4000);
        if (r.Gender is { Length: > 0 } gender && !Genders.Contains(gender)) errors.Add("gender", "Use female, male or neutral.");
        if (r.Quality is not null && !Qualities.Contains(r.Quality)) errors.Add("quality", "Use economy, standard or premium.");
        if (r.VoiceSpeed is < 0.25 or > 4) errors.Add("voice_speed", "Must be from 0.25 to 4.");
        if (r.VoiceTemperature is < 0 or > 2) errors.Add("voice_temperature", "Must be from 0 to 2.");
        if (r.EstimatedCostPerMinUsd is < 0 or > 100) errors.Add("estimated_cost_per_min_usd", "Must be from 0 to 100 (US dollars a minute).");
        if (r.LatencyMs is < 0 or > 60_000) errors.Add("latency_ms", "Must be from 0 to 60000.");
    }

    private static void Language(ValidationErrors errors, string field, string? value, bool required)
    {
        if (string.IsNullOrEmpty(value) && !required) return;
        if (value is not null && (value.Length > 35 || !LanguageTag().IsMatch(value))) errors.Add(field, "Use a BCP 47 language tag, e.g. en-US or hi-IN.");
    }

    private static void Languages(ValidationErrors errors, string field, IReadOnlyList<string>? values)
    {
        if (values?.Count > 20) errors.Add(field, "At most 20 languages.");
        for (var i = 0; i < values?.Count; i++)
            if (values[i] is null || values[i].Length > 35 || !LanguageTag().IsMatch(values[i])) errors.Add($"{field}[{i}]", "Use a BCP 47 language tag, e.g. en-US or hi-IN.");
    }

    /// <summary>The stored form of a language list: the tags joined by commas, the main language first.</summary>
    public static string Join(string? first, IReadOnlyList<string>? values) =>
        string.Join(",", (first is null ? [] : new[] { first }).Concat(values ?? []).Distinct(StringComparer.OrdinalIgnoreCase));

    public static long? Micros(decimal? usd) => usd is { } value ? (long)decimal.Round(value * 1_000_000m, MidpointRounding.AwayFromZero) : null;
}
