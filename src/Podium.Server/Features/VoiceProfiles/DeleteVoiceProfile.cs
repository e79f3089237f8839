using Podium.Server.Features.Agents;

namespace Podium.Server.Features.VoiceProfiles;

public static class DeleteVoiceProfile
{
    /// <summary>Refused while an agent speaks with the profile.</summary>
    public static async Task<ApiError?> RunAsync(string profileId, OperationContext context, CancellationToken ct)
    {
        var db = context.Db;
        if (await db.VoiceProfiles.FirstOrDefaultAsync(p => p.ProfileId == profileId, ct) is not { } profile) return VoiceProfileRules.NotFound;
        var agents = await AgentReader.HandlesWhereAsync(db, s => s.VoiceProfileId == profileId, ct);
        if (agents.Count > 0)
            return Api.Conflict($"Agents speak with this voice profile ({string.Join(", ", agents)}). Give them another first.");
        db.VoiceProfiles.Remove(profile);
        context.Record("voice_profile", "deleted", profileId);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
