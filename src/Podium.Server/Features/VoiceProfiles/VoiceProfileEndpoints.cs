using System.Security.Cryptography;
using Podium.Server.Features.Agents;
using Podium.Server.Features.Audit;

namespace Podium.Server.Features.VoiceProfiles;

/// <summary>The organization's voice profiles: read by every member, made and changed by admins.</summary>
public static class VoiceProfileEndpoints
{
    public static readonly ApiError NotFound = Api.NotFound("Voice profile not found");
    private static readonly ApiError NameTaken = Api.Conflict("A voice profile with this name already exists in the organization.");

    public static void MapVoiceProfiles(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/voice-profiles").WithTags("Voice profiles").RequireOrganization().Audited("voice_profile");
        group.MapGet("/", List);
        group.MapGet("/{profileId}", Get);
        group.MapPost("/", Create).RequireRole(Role.Admin).Creates();
        group.MapPatch("/{profileId}", Update).RequireRole(Role.Admin);
        group.MapDelete("/{profileId}", Delete).RequireRole(Role.Admin);
    }

    /// <summary>
    /// Every profile, by name; <c>?language=</c> keeps those that speak it (<c>en</c> matches <c>en-US</c> and
    /// <c>en-GB</c>; <c>en-US</c> only itself). The data is wrapped twice, as the Unpod SDK reads it.
    /// </summary>
    public static async Task<ApiResponse<Wrapped<IReadOnlyList<VoiceProfileDto>>>> List(string? language, Tenant tenant, PodiumDb db, CancellationToken ct)
    {
        var profiles = await db.VoiceProfiles.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(language))
            profiles = profiles.FindAll(p => Speaks(p, language.Trim()));
        IReadOnlyList<VoiceProfileDto> data = profiles.ConvertAll(p => VoiceProfileDto.From(p, tenant.Organization.DomainHandle));
        return Api.Ok("Voice profiles fetched successfully.", new Wrapped<IReadOnlyList<VoiceProfileDto>>(data));
    }

    public static async Task<Results<ApiResponse<Wrapped<VoiceProfileDto>>, ApiError>> Get(string profileId, Tenant tenant, PodiumDb db, CancellationToken ct)
    {
        var profile = await db.VoiceProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.ProfileId == profileId, ct);
        return profile is null ? NotFound : Api.Ok("Voice profile fetched successfully.", new Wrapped<VoiceProfileDto>(VoiceProfileDto.From(profile, tenant.Organization.DomainHandle)));
    }

    public static async Task<Results<ApiResponse<Wrapped<VoiceProfileDto>>, ApiError>> Create(
        CreateVoiceProfileRequest r, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var profile = new VoiceProfile
        {
            OrganizationId = tenant.OrganizationId,
            ProfileId = "VP" + RandomNumberGenerator.GetHexString(24, lowercase: true),
            Name = r.Name!.Trim(),
            Description = r.Description ?? "",
            Language = r.Language!,
            Languages = VoiceFields.Join(r.Language, r.Languages),
            Gender = Blank(r.Gender),
            TtsProvider = r.TtsProvider!.Trim(),
            TtsVoice = r.TtsVoice!.Trim(),
            TtsModel = Blank(r.TtsModel),
            TtsLanguage = Blank(r.TtsLanguage),
            SttProvider = Blank(r.SttProvider),
            SttModel = Blank(r.SttModel),
            SttLanguages = VoiceFields.Join(null, r.SttLanguages),
            Greeting = Blank(r.GreetingMessage),
            VoicePrompt = Blank(r.VoicePrompt),
            VoiceSpeed = r.VoiceSpeed,
            VoiceTemperature = r.VoiceTemperature,
            Quality = r.Quality ?? "standard",
            CostPerMinuteMicros = VoiceFields.Micros(r.EstimatedCostPerMinUsd),
            LatencyMs = r.LatencyMs,
            CreatedAt = now,
            ModifiedAt = now,
        };
        db.VoiceProfiles.Add(profile);
        if (await UniqueViolation.SaveAsync(db, NameTaken, ct) is { } conflict) return conflict;
        return Api.Created("Voice profile created successfully.", new Wrapped<VoiceProfileDto>(VoiceProfileDto.From(profile, tenant.Organization.DomainHandle)));
    }

    public static async Task<Results<ApiResponse<Wrapped<VoiceProfileDto>>, ApiError>> Update(
        string profileId, UpdateVoiceProfileRequest r, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var p = await db.VoiceProfiles.FirstOrDefaultAsync(p => p.ProfileId == profileId, ct);
        if (p is null) return NotFound;
        if (r.Name is not null) p.Name = r.Name.Trim();
        if (r.Description is not null) p.Description = r.Description;
        if (r.Language is not null) p.Language = r.Language;
        if (r.Languages is not null || r.Language is not null)
            p.Languages = VoiceFields.Join(p.Language, r.Languages ?? p.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries));
        if (r.Gender is not null) p.Gender = Blank(r.Gender);
        if (r.TtsProvider is not null) p.TtsProvider = r.TtsProvider.Trim();
        if (r.TtsVoice is not null) p.TtsVoice = r.TtsVoice.Trim();
        if (r.TtsModel is not null) p.TtsModel = Blank(r.TtsModel);
        if (r.TtsLanguage is not null) p.TtsLanguage = Blank(r.TtsLanguage);
        if (r.SttProvider is not null) p.SttProvider = Blank(r.SttProvider);
        if (r.SttModel is not null) p.SttModel = Blank(r.SttModel);
        if (r.SttLanguages is not null) p.SttLanguages = VoiceFields.Join(null, r.SttLanguages);
        if (r.GreetingMessage is not null) p.Greeting = Blank(r.GreetingMessage);
        if (r.VoicePrompt is not null) p.VoicePrompt = Blank(r.VoicePrompt);
        if (r.VoiceSpeed is not null) p.VoiceSpeed = r.VoiceSpeed;
        if (r.VoiceTemperature is not null) p.VoiceTemperature = r.VoiceTemperature;
        if (r.Quality is not null) p.Quality = r.Quality;
        if (r.EstimatedCostPerMinUsd is not null) p.CostPerMinuteMicros = VoiceFields.Micros(r.EstimatedCostPerMinUsd);
        if (r.LatencyMs is not null) p.LatencyMs = r.LatencyMs;
        p.ModifiedAt = clock.GetUtcNow().UtcDateTime;
        if (await UniqueViolation.SaveAsync(db, NameTaken, ct) is { } conflict) return conflict;
        return Api.Ok("Voice profile updated successfully.", new Wrapped<VoiceProfileDto>(VoiceProfileDto.From(p, tenant.Organization.DomainHandle)));
    }

    /// <summary>Refused while an agent speaks with the profile.</summary>
    public static async Task<Results<NoContent, ApiError>> Delete(string profileId, PodiumDb db, CancellationToken ct)
    {
        var profile = await db.VoiceProfiles.FirstOrDefaultAsync(p => p.ProfileId == profileId, ct);
        if (profile is null) return NotFound;
        var agents = await AgentOperations.HandlesAsync(db, s => s.VoiceProfileId == profileId, ct);
        if (agents.Count > 0)
            return Api.Conflict($"Agents speak with this voice profile ({string.Join(", ", agents)}). Give them another first.");
        db.VoiceProfiles.Remove(profile);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static bool Speaks(VoiceProfile profile, string language) =>
        profile.Languages.Split(',').Append(profile.Language).Any(l =>
            l.Equals(language, StringComparison.OrdinalIgnoreCase)
            || (!language.Contains('-') && l.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase)));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

}
