using System.Security.Cryptography;

namespace Podium.Server.Features.VoiceProfiles;

/// <summary>Adds a voice profile (a text-to-speech voice and its settings) agents can speak with.</summary>
public static class CreateVoiceProfile
{
    public static async Task<Outcome<VoiceProfileDto>> RunAsync(CreateVoiceProfileRequest r, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(r) is { } invalid) return invalid;
        var now = context.Now;
        var profile = new VoiceProfile
        {
            OrganizationId = context.Tenant.OrganizationId,
            ProfileId = "VP" + RandomNumberGenerator.GetHexString(24, lowercase: true),
            Name = r.Name!.Trim(),
            Description = r.Description ?? "",
            Language = r.Language!,
            Languages = VoiceFields.Join(r.Language, r.Languages),
            Gender = OptionalText.Of(r.Gender),
            TtsProvider = r.TtsProvider!.Trim(),
            TtsVoice = r.TtsVoice!.Trim(),
            TtsModel = OptionalText.Of(r.TtsModel),
            TtsLanguage = OptionalText.Of(r.TtsLanguage),
            SttProvider = OptionalText.Of(r.SttProvider),
            SttModel = OptionalText.Of(r.SttModel),
            SttLanguages = VoiceFields.Join(null, r.SttLanguages),
            Greeting = OptionalText.Of(r.GreetingMessage),
            VoicePrompt = OptionalText.Of(r.VoicePrompt),
            VoiceSpeed = r.VoiceSpeed,
            VoiceTemperature = r.VoiceTemperature,
            Quality = r.Quality ?? "standard",
            CostPerMinuteMicros = VoiceFields.Micros(r.EstimatedCostPerMinUsd),
            LatencyMs = r.LatencyMs,
            CreatedAt = now,
            ModifiedAt = now,
        };
        context.Db.VoiceProfiles.Add(profile);
        if (await context.SaveCreatedAsync("voice_profile", () => profile.ProfileId, r, VoiceProfileRules.NameTaken, ct) is { } conflict) return conflict;
        return VoiceProfileDto.From(profile, context.Tenant.Organization.DomainHandle);
    }
}
