
namespace Podium.Server.Features.VoiceProfiles;

/// <summary>The organization's voice profiles: read by every member, made and changed by admins.</summary>
public static class VoiceProfileEndpoints
{
    public static void MapVoiceProfiles(this RouteGroupBuilder api)
    {
        new Resource("/voice-profiles", "Voice profiles", "{profileId}", "VoiceProfile", "voice profile").Map(api, List, Get, Create, Update, Delete);
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
        return profile is null ? VoiceProfileRules.NotFound : Api.Ok("Voice profile fetched successfully.", new Wrapped<VoiceProfileDto>(VoiceProfileDto.From(profile, tenant.Organization.DomainHandle)));
    }

    public static async Task<Results<ApiResponse<Wrapped<VoiceProfileDto>>, ApiError>> Create(
        CreateVoiceProfileRequest request, OperationContext context, CancellationToken ct) =>
        (await CreateVoiceProfile.RunAsync(request, context, ct)).Answer(profile => Api.Created("Voice profile created successfully.", new Wrapped<VoiceProfileDto>(profile)));

    public static async Task<Results<ApiResponse<Wrapped<VoiceProfileDto>>, ApiError>> Update(
        string profileId, UpdateVoiceProfileRequest request, OperationContext context, CancellationToken ct) =>
        (await UpdateVoiceProfile.RunAsync(profileId, request, context, ct)).Answer(profile => Api.Ok("Voice profile updated successfully.", new Wrapped<VoiceProfileDto>(profile)));

    /// <summary>Refused while an agent speaks with the profile.</summary>
    public static async Task<Results<NoContent, ApiError>> Delete(string profileId, OperationContext context, CancellationToken ct) =>
        Api.NoContentUnless(await DeleteVoiceProfile.RunAsync(profileId, context, ct));

    private static bool Speaks(VoiceProfile profile, string language) =>
        profile.Languages.Split(',').Append(profile.Language).Any(l =>
            l.Equals(language, StringComparison.OrdinalIgnoreCase)
            || (!language.Contains('-') && l.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase)));

}
