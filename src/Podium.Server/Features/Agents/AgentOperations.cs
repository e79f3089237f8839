using Microsoft.AspNetCore.DataProtection;
using Podium.Server.Engine.Runtimes.Providers;

namespace Podium.Server.Features.Agents;

/// <summary>Agent writes shared by the HTTP endpoints and <c>admin agent create</c>. The db must be tenant-scoped.</summary>
public static class AgentOperations
{
    public static readonly ApiError HandleTaken = Api.Conflict("An agent with this handle already exists.");

    /// <returns>The agent and, for a webhook agent, its signing secret in the clear (shown once).</returns>
    public static async Task<Outcome<(Agent Agent, string? Secret)>> CreateAsync(
        PodiumDb db, IDataProtectionProvider protection, int organizationId, CreateAgentRequest request, DateTime now, CancellationToken ct)
    {
        var space = await ResolveSpaceAsync(db, request.SpaceToken, ct);
        if (space.Error is not null) return space.Error;
        if (await CheckProviderAsync(db, request.Runtime, ct) is { } badProvider) return badProvider;
        if (await CheckVoiceProfileAsync(db, request.VoiceProfileId, ct) is { } badVoice) return badVoice;

        var handle = request.Handle ?? Identifiers.AgentHandle();
        // Handles are global, so the check looks past the tenant and soft-delete filters.
        if (await db.Agents.IgnoreQueryFilters().AnyAsync(a => a.Handle == handle, ct))
            return HandleTaken;

        var agent = new Agent
        {
            OrganizationId = organizationId,
            Handle = handle,
            Name = request.Name.Trim(),
            Type = request.Type,
            State = request.State,
            Purpose = request.Purpose ?? "",
            Description = request.Description ?? "",
            SpaceId = space.Value,
            Settings = request.Settings(),
            CreatedAt = now,
            ModifiedAt = now,
        };
        var secret = WebhookSecrets.EnsureFor(agent, protection);
        db.Agents.Add(agent);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return HandleTaken;
        }
        return (agent, secret);
    }

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

    /// <summary>The handles of the organization's agents whose settings match (a JSON column: read, then matched here).</summary>
    public static async Task<List<string>> HandlesAsync(PodiumDb db, Func<AgentSettings, bool> match, CancellationToken ct) =>
        (await db.Agents.AsNoTracking().Select(a => new { a.Handle, a.Settings }).ToListAsync(ct)).Where(a => match(a.Settings)).Select(a => a.Handle).ToList();

    /// <summary>The id of the org's space with this token; null for no token (or "" on update).</summary>
    public static async Task<Outcome<int?>> ResolveSpaceAsync(PodiumDb db, string? spaceToken, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(spaceToken)) return new Outcome<int?>(null, null);
        var id = await db.Spaces.Where(s => s.Token == spaceToken).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        return id is null ? Api.Validation("space_token", "No space with this token in the organization.") : id;
    }
}
