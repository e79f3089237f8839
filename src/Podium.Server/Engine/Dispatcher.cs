using System.Collections.Concurrent;
using Podium.Server.Engine.Runtimes;
using Podium.Server.Engine.Runtimes.Providers;

namespace Podium.Server.Engine;

/// <summary>
/// The engine loop of one process: claims due tasks while it has free slots, runs them, renews the
/// leases it holds, and fails attempts whose webhook callback never came. On shutdown it stops
/// claiming, lets running tasks finish for <see cref="EngineOptions.ShutdownGrace"/>, then releases the rest.
/// </summary>
public sealed partial class Dispatcher(
    IServiceScopeFactory scopes,
    TaskExecutor executor,
    CallReconciler reconciler,
    EngineSignal signal,
    IOptions<EngineOptions> options,
    TimeProvider clock,
    ILogger<Dispatcher> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly CancellationTokenSource _abort = new();
    private DateTime _nextHeartbeat;

    /// <summary>Provider calls being looked up: beside the ticks, so a slow provider never holds up claiming.</summary>
    private Task _reconciling = Task.CompletedTask;

    public int Running => _running.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        LogStarted(logger, options.Value.Node);
        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                claimed = await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not stop the engine; the next tick tries again.
                LogTickFailed(logger, e);
                claimed = 0;
            }
            try
            {
                if (claimed == 0 || _running.Count >= options.Value.MaxConcurrentTasks)
                    await WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One tick: housekeeping, then claim and start as many due tasks as there are free slots.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PodiumDb>();
        await RenewLeasesAsync(db, ct);
        var overdueCalls = await ExpireCallbacksAsync(scope.ServiceProvider.GetRequiredService<TaskCompletion>(), db, ct);
        if (overdueCalls.Count > 0 && _reconciling.IsCompleted) _reconciling = ReconcileAsync(overdueCalls);

        var free = options.Value.MaxConcurrentTasks - _running.Count;
        if (free <= 0) return 0;
        var claimed = await scope.ServiceProvider.GetRequiredService<TaskClaimer>().ClaimAsync(free, ct);
        foreach (var task in claimed)
        {
            var execution = Task.Run(() => executor.ExecuteAsync(task, _abort.Token), CancellationToken.None);
            _running[task.Id] = execution;
            _ = execution.ContinueWith(_ =>
            {
                _running.TryRemove(task.Id, out Task? _);
                // Claim again once half the slots are free: one claim per finished task would
                // spend more on claiming than on the work when tasks are short.
                if (_running.Count <= options.Value.MaxConcurrentTasks / 2) signal.Wake();
            }, TaskScheduler.Default);
        }
        return claimed.Count;
    }

    /// <summary>Waits for every task this process is running, and the lookups of provider calls, to finish.</summary>
    public async Task WhenIdleAsync()
    {
        await Task.WhenAll(_running.Values);
        await _reconciling;
    }

    /// <summary>Claims and runs until nothing is due (tests drive the engine with this and a fake clock).</summary>
    public async Task RunUntilIdleAsync(CancellationToken ct = default)
    {
        while (await DispatchOnceAsync(ct) > 0 || !_running.IsEmpty || !_reconciling.IsCompleted)
            await WhenIdleAsync();
    }

    private async Task ReconcileAsync(IReadOnlyList<CallReconciler.Overdue> overdue)
    {
        // Off the tick's own flow: the tick goes on claiming while providers are asked.
        await Task.Yield();
        try
        {
            await reconciler.ReconcileAsync(overdue, _abort.Token);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // Shutting down: the calls stay overdue, and any process looks them up.
        }
        catch (Exception e)
        {
            LogReconcileFailed(logger, e);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(options.Value.ShutdownGrace);
        try
        {
            await WhenIdleAsync().WaitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // Out of time: the executions release their tasks for another process.
            await _abort.CancelAsync();
            await WhenIdleAsync();
        }
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    private Task WaitAsync(CancellationToken ct) => signal.WaitAsync(options.Value.PollInterval, clock, ct);

    /// <summary>Extends the leases of the tasks this process is running, a few times per lease.</summary>
    private async Task RenewLeasesAsync(PodiumDb db, CancellationToken ct)
    {
        var now = EngineClock.Now(clock);
        if (now < _nextHeartbeat || _running.IsEmpty) return;
        var lease = options.Value.LeaseDuration;
        _nextHeartbeat = now + (lease / 3);
        var node = options.Value.Node;
        var until = now + lease;
        // Only tasks still running here: one whose result could not be recorded must lapse and be run again.
        var running = _running.Keys.ToList();
        await db.Tasks.IgnoreQueryFilters()
            .Where(t => running.Contains(t.Id) && t.LeaseOwner == node && t.Status == TaskStatus.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseExpiresAt, until), ct);
    }

    /// <summary>
    /// A webhook agent that answered 202 and never posted the result has failed that attempt; a call a
    /// provider placed is looked up at the provider (by the caller, beside the tick).
    /// </summary>
    private async Task<List<CallReconciler.Overdue>> ExpireCallbacksAsync(TaskCompletion completion, PodiumDb db, CancellationToken ct)
    {
        var now = EngineClock.Now(clock);
        var overdue = await db.Tasks.IgnoreQueryFilters()
            .Where(t => t.Status == TaskStatus.InProgress && t.AwaitingCallback && t.LeaseExpiresAt <= now)
            .OrderBy(t => t.LeaseExpiresAt)
            .Take(100)
            .Select(t => new { t.Id, t.Attempt, t.AgentId })
            .ToListAsync(ct);
        var calls = new List<CallReconciler.Overdue>();
        if (overdue.Count == 0) return calls;
        var agentIds = overdue.Select(o => o.AgentId).Distinct().ToList();
        var settings = await db.Agents.IgnoreQueryFilters().Where(a => agentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Settings, ct);
        foreach (var task in overdue)
        {
            if (ProviderRuntimes.Uses(settings[task.AgentId].Runtime))
                calls.Add(new CallReconciler.Overdue(task.Id, task.Attempt, options.Value.HeldToCeilings(settings[task.AgentId])));
            else
                await completion.RecordAsync(task.Id, task.Attempt, AgentResult.Failure("The agent never posted the result."), settings[task.AgentId], owner: null, ct);
        }
        return calls;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Engine started on node {Node}")]
    private static partial void LogStarted(ILogger logger, string node);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking up overdue provider calls failed; the next tick tries again")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Engine tick failed; retrying")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
