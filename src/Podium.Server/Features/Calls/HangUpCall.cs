using Podium.Server.Engine;
using Podium.Server.Engine.Runtimes;
using Podium.Server.Engine.Runtimes.Providers;
using Podium.Server.Features.Runs;

namespace Podium.Server.Features.Calls;

/// <summary>Services a hang-up is made with.</summary>
public sealed record HangUpServices(OperationContext Context, IEnumerable<IAgentRuntime> Runtimes);

/// <summary>The call after a hang-up, and what was done about it.</summary>
public sealed record HungUpCall(CallDto Call, string Message);

/// <summary>
/// Hangs a call up. A call not started yet is cancelled (a single call's run with it). A live call gets no
/// further attempt, and its provider is asked to end it where the runtime can (Twilio, LiveKit, Retell); its
/// end then arrives as every call's does. A call already over is answered as it is.
/// </summary>
public static class HangUpCall
{
    public static async Task<Outcome<HungUpCall>> RunAsync(string callId, HangUpServices services, CancellationToken ct)
    {
        var context = services.Context;
        var db = context.Db;
        // Read untracked: every change below is a conditional UPDATE, so the entry saved at the end is saved alone.
        if (await CallQueries.Calls(db).Include(t => t.Run).FirstOrDefaultAsync(t => t.PublicId == callId, ct) is not { } task) return CallEndpoints.NotFound;
        var now = context.Now;
        string message;
        if (task.Status is TaskStatus.Pending or TaskStatus.Scheduled)
        {
            message = await CancelAsync(db, services, task, now, ct);
        }
        else if (task.Status == TaskStatus.InProgress)
        {
            message = await EndLiveAsync(db, services, task, now, ct);
        }
        else
        {
            message = "The call has already ended.";
        }
        // A provider's hang-up is outside any transaction: the entry is written once the request has been acted on.
        context.Record("call", "hangup", callId);
        await db.SaveChangesAsync(ct);
        return new HungUpCall((await CallQueries.ReadOneAsync(db, callId, ct))!, message);
    }

    private static async Task<string> CancelAsync(PodiumDb db, HangUpServices services, RunTask task, DateTime now, CancellationToken ct)
    {
        var alone = !await db.Tasks.AnyAsync(t => t.RunId == task.RunId && t.Id != task.Id, ct);
        if (alone && !RunControl.IsFinished(task.Run.Status))
        {
            // A single call is its run: cancelling the run cancels the call, with the run's events.
            await RunControl.ApplyAsync(db, services.Context.Events, task.Run, "cancel", now, ct);
            services.Context.Engine.Wake();
            return "Call cancelled before it started.";
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cancelled = await db.Tasks.Where(t => t.Id == task.Id).Where(TaskStates.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TaskStatus.Cancelled).SetProperty(t => t.HangupRequestedAt, now)
                .SetProperty(t => t.LastStatusChange, now).SetProperty(t => t.ModifiedAt, now), ct);
        if (cancelled == 1) await services.Context.Events.TasksAsync(task.OrganizationId, [task.Id], now, ct);
        await transaction.CommitAsync(ct);
        await RunProgress.SettleAsync(db, services.Context.Events, task.RunId, now, ct);
        return cancelled == 1 ? "Call cancelled before it started." : "The call started meanwhile; hang it up again.";
    }

    private static async Task<string> EndLiveAsync(PodiumDb db, HangUpServices services, RunTask task, DateTime now, CancellationToken ct)
    {
        await db.Tasks.Where(t => t.Id == task.Id && t.HangupRequestedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.HangupRequestedAt, now).SetProperty(t => t.ModifiedAt, now), ct);
        var attempt = await db.TaskAttempts.AsNoTracking().Where(a => a.TaskId == task.Id && a.Number == task.Attempt && a.FinishedAt == null)
            .Select(a => new { a.ProviderCallId, a.ProviderConfigurationId }).FirstOrDefaultAsync(ct);
        var settings = await db.Agents.IgnoreQueryFilters().Where(a => a.Id == task.AgentId).Select(a => a.Settings).SingleAsync(ct);
        var runtime = services.Runtimes.OfType<ProviderRuntime>().FirstOrDefault(r => r.Kind == settings.Runtime);
        if (runtime is null)
            return "The call is live and its agent's runtime cannot be hung up from here; it ends on its own and is not called again.";
        if (attempt?.ProviderCallId is not { } providerCallId)
            return $"The call is still being placed with {runtime.ProviderName}; it is not called again once this attempt ends.";
        var refusal = await runtime.HangUpAsync(task.OrganizationId, attempt.ProviderConfigurationId, providerCallId, ct);
        return refusal is null
            ? $"{runtime.ProviderName} was asked to hang up; the call ends with its report."
            : $"The call could not be hung up: {refusal}. It ends on its own and is not called again.";
    }
}
