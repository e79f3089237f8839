namespace Podium.Server.Features.Telephony.Numbers;

/// <summary>
/// One number of the inventory and how it routes: its bridge, the agents calling through it, its provider,
/// whether it is held with the organization's own SIP trunk (<c>termination_kind</c> <c>sip_trunk</c>) or the
/// provider's network (<c>provider</c>), and whether calls are placed from it as configured (<c>in_sync</c>;
/// <c>sync_state</c> says why not: <c>unassigned</c>, <c>no_agent</c>, <c>inactive</c>, <c>provider_mismatch</c>).
/// </summary>
public sealed record NumberOverviewDto(
    string Number,
    int NumberId,
    string? BridgeSlug,
    string ConnectionState,
    string TerminationKind,
    string? AgentId,
    IReadOnlyList<string> Agents,
    string Provider,
    int ProviderConfigId,
    int? TrunkId,
    string SyncState,
    bool InSync,
    string? Problem);

public static class NumberOverview
{
    public static async Task<ApiResponse<IReadOnlyList<NumberOverviewDto>>> List(PodiumDb db, CancellationToken ct)
    {
        var numbers = await db.PhoneNumbers.AsNoTracking().Include(n => n.ProviderConfiguration).Include(n => n.Bridge)
            .OrderBy(n => n.Number).ToListAsync(ct);
        var bridgeIds = numbers.Select(n => n.BridgeId).OfType<int>().Distinct().ToList();
        var agents = (await db.Agents.AsNoTracking().Where(a => a.BridgeId != null && bridgeIds.Contains(a.BridgeId.Value)).OrderBy(a => a.Id).ToListAsync(ct))
            .GroupBy(a => a.BridgeId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var rows = numbers.ConvertAll(n =>
        {
            var bridged = n.BridgeId is { } b ? agents.GetValueOrDefault(b, []) : [];
            var link = NumberLink.Of(n, n.ProviderConfiguration, bridged);
            return new NumberOverviewDto(n.Number, n.Id, n.Bridge?.Slug, link.ConnectionState, n.SipTrunkId is null ? "provider" : "sip_trunk",
                bridged.FirstOrDefault()?.Handle, bridged.ConvertAll(a => a.Handle), n.ProviderConfiguration.Provider, n.ProviderConfigurationId,
                n.SipTrunkId, link.SyncState, link.InSync, link.Problem);
        });
        return Api.List("Telephony overview fetched successfully.", rows, rows.Count);
    }
}
