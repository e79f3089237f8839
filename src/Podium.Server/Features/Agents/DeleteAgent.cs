namespace Podium.Server.Features.Agents;

/// <summary>Soft delete: the handle stays reserved so old tasks never point at a stranger's agent; spaces lose it as their default.</summary>
public static class DeleteAgent
{
    public static async Task<ApiError?> RunAsync(string agentHandle, OperationContext context, CancellationToken ct)
    {
        var db = context.Db;
        if (await db.Agents.FirstOrDefaultAsync(a => a.Handle == agentHandle, ct) is not { } agent) return Api.AgentNotFound;
        var now = context.Now;
        agent.DeletedAt = now;
        agent.ModifiedAt = now;
        agent.State = AgentState.Archived;
        context.Record("agent", "deleted", agentHandle);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.Spaces.Where(s => s.AgentId == agent.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AgentId, (int?)null), ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
