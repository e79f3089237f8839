using System.Diagnostics;
using Podium.Server.Engine.Runtimes;
using Podium.Server.Events;
using Podium.Server.Observability;
using Podium.Server.Storage;

namespace Podium.Server.Engine;

/// <summary>
/// Records an attempt's result: the task completes, waits for a retry, fails, or (after a 202)
/// waits for the agent's callback. Shared by the executor and the callback endpoint. Every write is
/// fenced on the task still being in progress at that attempt (and, for the executor, on still
/// holding the lease), so a result that arrives too late changes nothing.
/// </summary>
public sealed class TaskCompletion(PodiumDb db, IOptions<EngineOptions> options, TimeProvider clock, PodiumTelemetry telemetry, EventOutbox outbox)
{
    private static readonly string[] TenantOnly = [PodiumDb.Filters.Tenant];

    /// <summary>
    /// Records <paramref name="result"/>, or, when the database refuses it for good (a value it cannot
    /// hold), a failed attempt saying so: a result that cannot be stored must never leave the task to be
    /// claimed and executed (a call placed) again.
    /// </summary>
    /// <param name="owner">The lease holder recording the result; null for a callback.</param>
    /// <returns>False when the task had moved on and the result was not recorded.</returns>
    public async Task<bool> RecordAsync(long taskId, int attempt, AgentResult result, AgentSettings settings, string? owner, CancellationToken ct)
    {
        try
        {
            return await WriteAsync(taskId, attempt, Storable(result), settings, owner, ct);
        }
        catch (Exception e) when (DatabaseErrors.IsPermanent(e))
        {
            db.ChangeTracker.Clear();
            var reason = $"The result could not be stored: {(e.InnerException ?? e).Message}";
            return await WriteAsync(taskId, attempt, AgentResult.Failure(ColumnText.Clip(reason, ColumnLengths.FailureReason)), settings, owner, ct);
        }
    }

    /// <summary>The result as the columns can hold it: a known outcome, an output that fits, texts clipped.</summary>
    private static AgentResult Storable(AgentResult result)
    {
        if (result.Accepted) return result;
        if (result.Deferred is not null) return result with { Error = ColumnText.Clip(result.Error, ColumnLengths.FailureReason) };
        if (!AgentResult.Outcomes.Contains(result.Outcome))
            return AgentResult.UnknownOutcome(result.Outcome);
        if (result.Output?.ToJsonString().Length > ColumnLengths.TaskOutput)
            return AgentResult.Failure($"The agent's output is longer than {ColumnLengths.TaskOutput:N0} characters once stored.");
        return result with { Error = ColumnText.Clip(result.Error, ColumnLengths.FailureReason) };
    }

    private async Task<bool> WriteAsync(long taskId, int attempt, AgentResult result, AgentSettings settings, string? owner, CancellationToken ct)
    {
        var now = EngineClock.Now(clock);
        var tasks = db.Tasks.IgnoreQueryFilters(TenantOnly)
            .Where(t => t.Id == taskId && t.Status == TaskStatus.InProgress && t.Attempt == attempt && (owner == null || t.LeaseOwner == owner));
        if (result.Accepted) return await AwaitReportAsync(tasks, taskId, attempt, result, now, ct);
        var state = await tasks.Select(t => new { t.RunId, t.RetryBaseAttempt, t.OrganizationId, Stopped = t.HangupRequestedAt != null || t.Run.Status == RunStatus.Cancelled })
            .FirstOrDefaultAsync(ct);
        if (state is null) return false;
        var hungUpUnplaced = false;
        if (result.Deferred is not null && state.Stopped)
        {
            // Hung up (or its run cancelled) while the provider said "not now": no call was made, and none will be.
            result = AgentResult.Failure("The call was hung up before the provider placed it; no call was made.");
            hungUpUnplaced = true;
        }
        if (result.Deferred is { } after)
        {
            var deferrals = await db.TaskAttempts.IgnoreQueryFilters(TenantOnly)
                .CountAsync(a => a.TaskId == taskId && a.Number == attempt && a.Outcome == CallOutcomes.Deferred, ct);
            if (deferrals < options.Value.MaxPlacementDeferrals) return await DeferAsync(tasks, taskId, attempt, after, result.Error, now, ct);
            result = AgentResult.Failure($"{result.Error} The provider refused {options.Value.MaxPlacementDeferrals} times; the attempt failed.");
        }

        var failed = result.Outcome != CallOutcomes.Completed;
        var retry = !result.Final && RetryPolicy.ShouldRetry(result.Outcome, attempt - state.RetryBaseAttempt, settings);
        // A call hung up, or of a cancelled run, is not called again: what would have been retried is cancelled.
        var stopped = (retry || hungUpUnplaced) && state.Stopped;
        retry &= !stopped;
        var status = !failed ? TaskStatus.Completed : retry ? TaskStatus.Scheduled : stopped ? TaskStatus.Cancelled : TaskStatus.Failed;
        var due = retry ? now + RetryPolicy.Delay(attempt - state.RetryBaseAttempt, settings, Random.Shared) : now;
        var output = result.Output?.ToJsonString();
        var reason = failed ? ColumnText.Clip(result.Error ?? result.Outcome, ColumnLengths.FailureReason) : null;
        var call = CallFacts.From(result);
        var period = now.Year * 100 + now.Month;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var updated = await tasks.ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, status)
            .SetProperty(t => t.Output, t => output ?? t.Output)
            .SetProperty(t => t.Outcome, result.Outcome)
            .SetProperty(t => t.Disposition, t => failed ? t.Disposition : call.Disposition)
            .SetProperty(t => t.SuccessScore, t => failed ? t.SuccessScore : call.SuccessScore)
            .SetProperty(t => t.CostMicros, t => t.CostMicros + result.CostMicros)
            .SetProperty(t => t.FailureCount, t => t.FailureCount + (failed ? 1 : 0))
            .SetProperty(t => t.LastFailureReason, t => failed ? reason : t.LastFailureReason)
            .SetProperty(t => t.DueAt, due)
            .SetProperty(t => t.ScheduledFor, t => retry ? due : t.ScheduledFor)
            .SetProperty(t => t.LeaseOwner, (string?)null)
            .SetProperty(t => t.LeaseExpiresAt, (DateTime?)null)
            .SetProperty(t => t.AwaitingCallback, false)
            .SetProperty(t => t.LastStatusChange, now)
            .SetProperty(t => t.ModifiedAt, now), ct);
        if (updated == 0) return false;
        await db.TaskAttempts.IgnoreQueryFilters(TenantOnly)
            .Where(a => a.TaskId == taskId && a.Number == attempt && a.FinishedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.FinishedAt, now)
                .SetProperty(a => a.Outcome, result.Outcome)
                .SetProperty(a => a.Error, result.Error)
                .SetProperty(a => a.DurationSeconds, result.DurationSeconds)
                .SetProperty(a => a.CostMicros, result.CostMicros)
                .SetProperty(a => a.EndReason, call.EndReason)
                .SetProperty(a => a.BillingPeriod, period), ct);
        await outbox.TasksAsync(state.OrganizationId, [taskId], now, ct);
        await transaction.CommitAsync(ct);
        (status switch { TaskStatus.Completed => telemetry.Completed, TaskStatus.Failed => telemetry.Failed, _ => telemetry.Retried }).Add(1);
        if (retry) Activity.Current?.AddEvent(new ActivityEvent("engine.retry_scheduled", tags: new ActivityTagsCollection { ["podium.due_at"] = due.ToString("O") }));

        if (status != TaskStatus.Scheduled)
            await RunProgress.SettleAsync(db, outbox, state.RunId, now, ct);
        return true;
    }

    /// <summary>The attempt waits for a report: the agent's callback, or the events of the call its provider accepted.</summary>
    private async Task<bool> AwaitReportAsync(IQueryable<RunTask> tasks, long taskId, int attempt, AgentResult result, DateTime now, CancellationToken ct)
    {
        var until = now + (result.WaitFor ?? options.Value.CallbackTimeout);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var updated = await tasks.ExecuteUpdateAsync(s => s
            .SetProperty(t => t.AwaitingCallback, true)
            .SetProperty(t => t.LeaseOwner, (string?)null)
            .SetProperty(t => t.LeaseExpiresAt, until)
            .SetProperty(t => t.ModifiedAt, now), ct);
        if (updated == 1 && result.ProviderCallId is { } callId)
            await db.TaskAttempts.IgnoreQueryFilters(TenantOnly)
                .Where(a => a.TaskId == taskId && a.Number == attempt && a.FinishedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ProviderCallId, callId), ct);
        await transaction.CommitAsync(ct);
        return updated == 1;
    }

    /// <summary>
    /// No call was placed: the task waits and the same attempt number runs again, so the retry policy's
    /// budget is untouched.
    /// </summary>
    private async Task<bool> DeferAsync(IQueryable<RunTask> tasks, long taskId, int attempt, TimeSpan after, string? reason, DateTime now, CancellationToken ct)
    {
        var due = now + after;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var updated = await tasks.ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, TaskStatus.Scheduled)
            .SetProperty(t => t.Attempt, t => t.Attempt - 1)
            .SetProperty(t => t.DueAt, due)
            .SetProperty(t => t.LeaseOwner, (string?)null)
            .SetProperty(t => t.LeaseExpiresAt, (DateTime?)null)
            .SetProperty(t => t.ModifiedAt, now), ct);
        if (updated == 0) return false;
        await db.TaskAttempts.IgnoreQueryFilters(TenantOnly)
            .Where(a => a.TaskId == taskId && a.Number == attempt && a.FinishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FinishedAt, now).SetProperty(a => a.Outcome, CallOutcomes.Deferred).SetProperty(a => a.Error, reason), ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
