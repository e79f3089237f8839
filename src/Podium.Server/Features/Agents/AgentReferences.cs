using Podium.Server.Engine.Runtimes.Providers;

namespace Podium.Server.Features.Agents;

/// <summary>What an agent's create or update request names (a space, a provider configuration, a voice profile) must be the organization's. The db must be tenant-scoped.</summary>
public static class AgentReferences
{
    /// <summary>A provider runtime must name a configuration of its provider in the caller's organization, and a trunk of it.</summary>
    public static async Task<ApiError?> CheckProviderAsync(PodiumDb db, AgentRuntimeRequest? runtime, CancellationToken ct)
    {
        if (runtime is null || ProviderRuntimes.ProviderOf(runtime.Type) is not { } provider) return null;
        if (!await db.ProviderConfigurations.AnyAsync(c => c.Id == runtime.ProviderConfigId && c.Provider == provider, ct))
            return Api.Validation("runtime.provider_config_id", $"No {provider} provider configuration with this id in the organization.");
        if (runtime.TrunkId is { } trunk && !await db.SipTrunks.AnyAsync(t => t.Id == trunk, ct))
            return Api.Validation("runtime.trunk_id", "No trunk with this id in the organization.");
        return null;
    }

    /// <summary>A voice profile named by an agent is one of the organization's; "" (on update) takes it off.</summary>
    public static async Task<ApiError?> CheckVoiceProfileAsync(PodiumDb db, string? profileId, CancellationToken ct) =>
        string.IsNullOrEmpty(profileId) || await db.VoiceProfiles.AnyAsync(p => p.ProfileId == profileId, ct)
            ? null
            : Api.Validation("voice_profile_id", "No voice profile with this id in the organization.");

    /// <summary>The id of the org's space with this token; null for no token (or "" on update).</summary>
    public static async Task<Outcome<int?>> ResolveSpaceAsync(PodiumDb db, string? spaceToken, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(spaceToken)) return new Outcome<int?>(null, null);
        var id = await db.Spaces.Where(s => s.Token == spaceToken).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        return id is null ? Api.Validation("space_token", "No space with this token in the organization.") : id;
    }
}
