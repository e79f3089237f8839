namespace Podium.Server.Features.Common;

/// <summary>
/// The names visible rows refer to (a run's agent handle, its space token), even when the agent or space
/// was deleted since or moved out of the caller's sight. Read in queries of their own: EF Core lifts a
/// query filter for a whole query, so a lookup that lifts one must never share a query with the rows.
/// </summary>
public static class ReferenceNames
{
    public static async Task<Dictionary<int, string>> AgentHandlesAsync(PodiumDb db, IEnumerable<int> agentIds, CancellationToken ct)
    {
        var ids = agentIds.Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Agents.IgnoreQueryFilters(PodiumDb.Filters.AllButTenant)
            .Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Handle, ct);
    }

    public static async Task<Dictionary<int, string>> SpaceTokensAsync(PodiumDb db, IEnumerable<int> spaceIds, CancellationToken ct)
    {
        var ids = spaceIds.Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Spaces.IgnoreQueryFilters(PodiumDb.Filters.AllButTenant)
            .Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Token, ct);
    }
}
