using Podium.Server.Engine.Runtimes.Providers;

namespace Podium.Server.Features.Telephony.Numbers;

/// <summary>
/// Whether a number will be called from as it is configured: on a bridge, active, held through an active
/// configuration, and (for agents that call through a provider) through the configuration the agent uses,
/// since an agent only calls from numbers of its own provider account.
/// </summary>
public sealed record NumberLink(string ConnectionState, string SyncState, string? Problem)
{
    public const string Linked = "LINKED";
    public const string NotLinked = "NOT_LINKED";
    public const string Error = "ERROR";

    public bool InSync => SyncState == "in_sync";

    /// <param name="agents">The live agents calling through the number's bridge, with their settings.</param>
    public static NumberLink Of(PhoneNumber number, ProviderConfiguration configuration, IReadOnlyList<Agent> agents)
    {
        if (number.BridgeId is null && number.Bridge is null) return new NumberLink(NotLinked, "unassigned", null);
        if (!number.Active) return new NumberLink(Error, "inactive", "The number is inactive; no call is placed from it.");
        if (!configuration.Active) return new NumberLink(Error, "inactive", $"Its provider configuration \"{configuration.Name}\" is inactive; no call is placed from it.");
        if (agents.Count == 0) return new NumberLink(Linked, "no_agent", null);
        var elsewhere = agents.Where(a => ProviderRuntimes.Uses(a.Settings.Runtime) && a.Settings.ProviderConfigId != number.ProviderConfigurationId)
            .Select(a => a.Handle).ToList();
        return elsewhere.Count == 0
            ? new NumberLink(Linked, "in_sync", null)
            : new NumberLink(Error, "provider_mismatch",
                $"{string.Join(", ", elsewhere)} call(s) through another provider configuration than \"{configuration.Name}\", which holds this number, so they do not call from it.");
    }
}
