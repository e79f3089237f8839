using Podium.Server.Storage;

namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>The organization's own SIP carrier a call is dialled through, its password opened for this one request.</summary>
public sealed record SipRoute(string Host, int? Port, string Transport, string? Username, string? Password, string? Region);

/// <summary>The voice a provider is asked to speak with, from the agent's voice profile.</summary>
public sealed record CallVoice(string TtsProvider, string TtsVoice, string? TtsModel, string Language, string? Greeting, double? Speed, string? SttProvider, string? SttModel);

/// <summary>Reads what an attempt is routed and voiced with, at the moment it is placed (a changed trunk or profile applies to the next call).</summary>
public static class CallRoutes
{
    /// <returns>The trunk, or null when the configuration names none; Missing when it names one that is gone or inactive.</returns>
    public static async Task<(SipRoute? Route, bool Missing)> TrunkAsync(PodiumDb db, TrunkPasswords passwords, int organizationId, int? trunkId, CancellationToken ct)
    {
        if (trunkId is null) return (null, false);
        var trunk = await db.SipTrunks.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == trunkId && t.OrganizationId == organizationId && t.Active, ct);
        return trunk is null
            ? (null, true)
            : (new SipRoute(trunk.Host, trunk.Port, trunk.Transport, trunk.AuthUsername, passwords.Unprotect(trunk.ProtectedPassword), trunk.Region), false);
    }

    public static async Task<CallVoice?> VoiceAsync(PodiumDb db, int organizationId, string? profileId, CancellationToken ct)
    {
        if (profileId is null) return null;
        var p = await db.VoiceProfiles.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(v => v.ProfileId == profileId && v.OrganizationId == organizationId, ct);
        return p is null ? null : new CallVoice(p.TtsProvider, p.TtsVoice, p.TtsModel, p.TtsLanguage ?? p.Language, p.Greeting, p.VoiceSpeed, p.SttProvider, p.SttModel);
    }
}
