using Podium.Server.Events;

namespace Podium.Server.Engine;

/// <summary>Keeps a run's status in step with its tasks (contract.md section 3).</summary>
public static class RunProgress
{
    private static readonly string[] TenantOnly = [PodiumDb.Filters.Tenant];

    /// <summary>
    /// Gives a run whose tasks are all final its final status: completed when every task
    /// completed, failed when none did, partially_completed otherwise; a cancelled run stays
    /// cancelled; a run settled here always announces it (<c>run.status_changed</c>, <c>run.completed</c>). Called after each task's final transition has committed, so of two processes
    /// finishing a run's last tasks at once, the later one always sees them all.
    /// </summary>
    public static async Task SettleAsync(PodiumDb db, EventOutbox outbox, long runId, DateTime now, CancellationToken ct)
    {
        var tasks = db.Tasks.IgnoreQueryFilters(TenantOnly).Where(t => t.RunId == runId);
        // Called after every task of the run finishes: the existence check stops at the first open
        // task (an index seek), and only the last call counts the run.
        if (await tasks.AnyAsync(TaskStates.Open, ct))
            return;
        var total = await tasks.CountAsync(ct);
        var completed = await tasks.CountAsync(t => t.Status == TaskStatus.Completed, ct);
        // Every task cancelled one by one (single calls hung up before they started) is a cancelled run, not a failed one.
        var cancelled = completed == 0 && !await tasks.AnyAsync(t => t.Status != TaskStatus.Cancelled, ct);
        var status = completed == total ? RunStatus.Completed : cancelled ? RunStatus.Cancelled : completed == 0 ? RunStatus.Failed : RunStatus.PartiallyCompleted;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var settled = await db.Runs.IgnoreQueryFilters(TenantOnly)
            .Where(r => r.Id == runId && (r.Status == RunStatus.Pending || r.Status == RunStatus.Running || r.Status == RunStatus.Paused))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.ModifiedAt, now), ct);
        if (settled == 1)
        {
            var organizationId = await db.Runs.IgnoreQueryFilters().Where(r => r.Id == runId).Select(r => r.OrganizationId).SingleAsync(ct);
            await outbox.RunAsync(organizationId, runId, "run.status_changed", now, ct);
            await outbox.RunAsync(organizationId, runId, "run.completed", now, ct);
        }
        if (transaction is not null) await transaction.CommitAsync(ct);
    }
}
