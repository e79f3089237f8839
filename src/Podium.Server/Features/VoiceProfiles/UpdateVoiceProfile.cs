namespace Podium.Server.Features.VoiceProfiles;

/// <summary>Changes the fields sent; <c>""</c> clears an optional text.</summary>
public static class UpdateVoiceProfile
{
    public static async Task<Outcome<VoiceProfileDto>> RunAsync(string profileId, UpdateVoiceProfileRequest r, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(r) is { } invalid) return invalid;
        if (await context.Db.VoiceProfiles.FirstOrDefaultAsync(p => p.ProfileId == profileId, ct) is not { } p) return VoiceProfileRules.NotFound;
        if (r.Name is not null) p.Name = r.Name.Trim();
        if (r.Description is not null) p.Description = r.Description;
        if (r.Language is not null) p.Language = r.Language;
        if (r.Languages is not null || r.Language is not null)
            p.Languages = VoiceFields.Join(p.Language, r.Languages ?? p.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries));
        if (r.Gender is not null) p.Gender = OptionalText.Of(r.Gender);
        if (r.TtsProvider is not null) p.TtsProvider = r.TtsProvider.Trim();
        if (r.TtsVoice is not null) p.TtsVoice = r.TtsVoice.Trim();
        if (r.TtsModel is not null) p.TtsModel = OptionalText.Of(r.TtsModel);
        if (r.TtsLanguage is not null) p.TtsLanguage = OptionalText.Of(r.TtsLanguage);
        if (r.SttProvider is not null) p.SttProvider = OptionalText.Of(r.SttProvider);
        if (r.SttModel is not null) p.SttModel = OptionalText.Of(r.SttModel);
        if (r.SttLanguages is not null) p.SttLanguages = VoiceFields.Join(null, r.SttLanguages);
        if (r.GreetingMessage is not null) p.Greeting = OptionalText.Of(r.GreetingMessage);
        if (r.VoicePrompt is not null) p.VoicePrompt = OptionalText.Of(r.VoicePrompt);
        if (r.VoiceSpeed is not null) p.VoiceSpeed = r.VoiceSpeed;
        if (r.VoiceTemperature is not null) p.VoiceTemperature = r.VoiceTemperature;
        if (r.Quality is not null) p.Quality = r.Quality;
        if (r.EstimatedCostPerMinUsd is not null) p.CostPerMinuteMicros = VoiceFields.Micros(r.EstimatedCostPerMinUsd);
        if (r.LatencyMs is not null) p.LatencyMs = r.LatencyMs;
        p.ModifiedAt = context.Now;
        context.Record("voice_profile", "updated", profileId, r);
        if (await UniqueViolation.SaveAsync(context.Db, VoiceProfileRules.NameTaken, ct) is { } conflict) return conflict;
        return VoiceProfileDto.From(p, context.Tenant.Organization.DomainHandle);
    }
}
