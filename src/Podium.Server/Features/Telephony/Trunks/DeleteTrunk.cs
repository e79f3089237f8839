using Podium.Server.Features.Agents;

namespace Podium.Server.Features.Telephony.Trunks;

public static class DeleteTrunk
{
    /// <summary>
    /// The trunk's numbers go back to their provider's own routing. Refused while an agent dials through
    /// the trunk: its calls would fail instead.
    /// </summary>
    public static async Task<ApiError?> RunAsync(int id, OperationContext context, CancellationToken ct)
    {
        var db = context.Db;
        if (await db.SipTrunks.FirstOrDefaultAsync(t => t.Id == id, ct) is not { } trunk) return TrunkRules.NotFound;
        var agents = await AgentReader.HandlesWhereAsync(db, s => s.Call.TrunkId == id, ct);
        if (agents.Count > 0)
            return Api.Conflict($"Agents dial through this trunk ({string.Join(", ", agents)}). Give them another route first.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.PhoneNumbers.Where(n => n.SipTrunkId == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.SipTrunkId, (int?)null), ct);
        db.SipTrunks.Remove(trunk);
        context.Record("trunk", "deleted", id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
