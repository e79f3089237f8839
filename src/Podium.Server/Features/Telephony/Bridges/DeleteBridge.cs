namespace Podium.Server.Features.Telephony.Bridges;

public static class DeleteBridge
{
    /// <summary>
    /// Deleting a bridge that still has numbers would cut live routing, so it is refused unless
    /// forced, which disconnects them first (the numbers stay in the inventory).
    /// </summary>
    public static async Task<ApiError?> RunAsync(string slug, bool force, OperationContext context, CancellationToken ct)
    {
        var db = context.Db;
        if (await db.Bridges.FirstOrDefaultAsync(b => b.Slug == slug, ct) is not { } bridge) return BridgeRules.NotFound;
        var numbers = await db.PhoneNumbers.CountAsync(n => n.BridgeId == bridge.Id, ct);
        if (numbers > 0 && !force)
            return Api.Conflict($"The bridge has {numbers} connected number(s). Disconnect them first, or pass ?force=true to disconnect them and delete the bridge.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.PhoneNumbers.Where(n => n.BridgeId == bridge.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.BridgeId, (int?)null), ct);
        await db.Agents.IgnoreQueryFilters([PodiumDb.Filters.SoftDelete]).Where(a => a.BridgeId == bridge.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.BridgeId, (int?)null), ct);
        db.Bridges.Remove(bridge);
        context.Record("bridge", "deleted", slug);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
