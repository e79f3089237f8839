using Podium.Server.Engine;
using Podium.Server.Events;

namespace Podium.Server.Features.Runs;

/// <summary>
/// Cancel, pause, resume and retry. Each is a conditional update on the run's status, so two
/// concurrent controls cannot both win; an illegal transition is a 409 that says why.
/// </summary>
public static class RunControl
{
    private static readonly RunStatus[] Live = [RunStatus.Pending, RunStatus.Running, RunStatus.Paused];

    /// <summary>Whether no task of a run in this status will change again.</summary>
    public static bool IsFinished(RunStatus status) =>
        status is RunStatus.Completed or RunStatus.PartiallyCompleted or RunStatus.Failed or RunStatus.Cancelled;

    private static readonly Dictionary<string, Func<PodiumDb, EventOutbox, Run, DateTime, CancellationToken, Task<ApiError?>>> Controls = new()
    {
        ["cancel"] = CancelAsync,
        ["pause"] = PauseAsync,
        ["resume"] = ResumeAsync,
        ["retry"] = RetryAsync,
    };

    public static IReadOnlyCollection<string> Actions => Controls.Keys;

    /// <summary>
    /// One control action with its events, in one transaction (the caller's, when it has one); the
    /// caller wakes the engine once its transaction commits.
    /// </summary>
    public static async Task<ApiError?> ApplyAsync(
        PodiumDb db, EventOutbox outbox, Run run, string action, DateTime now, CancellationToken ct)
    {
        var control = Controls[action];
        var before = run.Status;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // The tasks this action moves (cancel: those not started; retry: the failed), for their events.
        var moving = action switch
        {
            "cancel" => await db.Tasks.Where(t => t.RunId == run.Id).Where(TaskStates.Waiting).Select(t => t.Id).ToListAsync(ct),
            "retry" => await db.Tasks.Where(t => t.RunId == run.Id && t.Status == TaskStatus.Failed).Select(t => t.Id).ToListAsync(ct),
            _ => [],
        };
        if (await control(db, outbox, run, now, ct) is { } conflict) return conflict;
        var after = await db.Runs.Where(r => r.Id == run.Id).Select(r => r.Status).SingleAsync(ct);
        if (after != before) await outbox.RunAsync(run.OrganizationId, run.Id, "run.status_changed", now, ct);
        await outbox.TasksAsync(run.OrganizationId, moving, now, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Tasks not started become cancelled; tasks in progress finish and keep their result.</summary>
    private static async Task<ApiError?> CancelAsync(PodiumDb db, EventOutbox outbox, Run run, DateTime now, CancellationToken ct)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Tasks before the run, the order the engine locks them in when it claims a task and starts its run:
        // the other order deadlocks with a claim on PostgreSQL. A refusal rolls the tasks back with the transaction.
        await db.Tasks.Where(t => t.RunId == run.Id).Where(TaskStates.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TaskStatus.Cancelled)
                .SetProperty(t => t.LastStatusChange, now).SetProperty(t => t.ModifiedAt, now), ct);
        if (!await MoveAsync(db, run, Live, RunStatus.Cancelled, now, ct))
            return Conflict(run, "cancelled");
        if (transaction is not null) await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>No task of a paused run starts; tasks already in progress finish.</summary>
    private static async Task<ApiError?> PauseAsync(PodiumDb db, EventOutbox outbox, Run run, DateTime now, CancellationToken ct) =>
        await MoveAsync(db, run, [RunStatus.Pending, RunStatus.Running], RunStatus.Paused, now, ct) ? null : Conflict(run, "paused");

    private static async Task<ApiError?> ResumeAsync(PodiumDb db, EventOutbox outbox, Run run, DateTime now, CancellationToken ct)
    {
        var started = await db.Tasks.AnyAsync(t => t.RunId == run.Id && t.Attempt > 0, ct);
        if (!await MoveAsync(db, run, [RunStatus.Paused], started ? RunStatus.Running : RunStatus.Pending, now, ct))
            return Api.Conflict($"Run is {Wire(run.Status)}, not paused; only a paused run can be resumed.");
        // Everything may have finished while the run was paused.
        await RunProgress.SettleAsync(db, outbox, run.Id, now, ct);
        return null;
    }

    /// <summary>Failed tasks get a new round of attempts under the agent's retry policy.</summary>
    private static async Task<ApiError?> RetryAsync(PodiumDb db, EventOutbox outbox, Run run, DateTime now, CancellationToken ct)
    {
        if (run.Status is RunStatus.Paused or RunStatus.Cancelled)
            return Api.Conflict($"Run is {Wire(run.Status)}; resume it (or start a new run) before retrying.");
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var retried = await db.Tasks.Where(t => t.RunId == run.Id && t.Status == TaskStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TaskStatus.Pending)
                .SetProperty(t => t.RetryBaseAttempt, t => t.Attempt)
                .SetProperty(t => t.DueAt, now)
                .SetProperty(t => t.LastStatusChange, now).SetProperty(t => t.ModifiedAt, now), ct);
        if (retried == 0)
            return Api.Conflict("This run has no failed tasks to retry.");
        if (!await MoveAsync(db, run, [RunStatus.Running, RunStatus.Completed, RunStatus.PartiallyCompleted, RunStatus.Failed], RunStatus.Running, now, ct))
            return Conflict(run, "retried");
        if (transaction is not null) await transaction.CommitAsync(ct);
        return null;
    }

    private static async Task<bool> MoveAsync(PodiumDb db, Run run, RunStatus[] from, RunStatus to, DateTime now, CancellationToken ct)
    {
        var moved = await db.Runs.Where(r => r.Id == run.Id && from.Contains(r.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, to).SetProperty(r => r.ModifiedAt, now), ct) == 1;
        if (!moved)
            run.Status = await db.Runs.Where(r => r.Id == run.Id).Select(r => r.Status).SingleAsync(ct);
        return moved;
    }

    private static ApiError Conflict(Run run, string verb) =>
        Api.Conflict($"Run is {Wire(run.Status)} and cannot be {verb}.");

    public static string Wire(RunStatus status) => status == RunStatus.PartiallyCompleted ? "partially_completed" : status.ToString().ToLowerInvariant();
}
