using Podium.Server.Engine.Runtimes;
using Podium.Server.Observability;
using Podium.Server.Storage;
using Polly;
using Polly.Retry;

namespace Podium.Server.Engine;

/// <summary>Runs one claimed task through its agent's runtime and records the result.</summary>
public sealed partial class TaskExecutor(
    IServiceScopeFactory scopes,
    IEnumerable<IAgentRuntime> runtimes,
    IDataProtectionProvider protection,
    IOptions<EngineOptions> options,
    TimeProvider clock,
    PodiumTelemetry telemetry,
    ILogger<TaskExecutor> logger)
{
    public const string CallbackPurpose = "Podium.Tasks.Callback";

    /// <summary>
    /// A result is worth a few tries when the database is busy or unreachable: that must not cost a
    /// finished call. An error that would only repeat is the completion's to turn into a failed attempt.
    /// </summary>
    private readonly ResiliencePipeline _recording = new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(DatabaseErrors.IsTransient),
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(200),
            UseJitter = true,
        })
        .Build();

    public async Task ExecuteAsync(ClaimedTask task, CancellationToken ct)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrganizationId"] = task.OrganizationId, ["RunId"] = task.RunPublicId, ["TaskId"] = task.PublicId });
        using var activity = PodiumTelemetry.Activities.StartActivity("engine.execute");
        activity?.SetTag("podium.task_id", task.PublicId);
        activity?.SetTag("podium.run_id", task.RunPublicId);
        activity?.SetTag("podium.attempt", task.Attempt);
        activity?.SetTag("podium.agent", task.AgentHandle);
        var started = clock.GetTimestamp();
        AgentResult result;
        try
        {
            var runtime = runtimes.First(r => r.Kind == task.Settings.Runtime);
            var call = new AgentCall(task.PublicId, task.RunPublicId, task.Attempt, task.Objective, (JsonObject)JsonNode.Parse(task.Input)!,
                task.ExecutionType, task.AgentHandle, task.AgentName, task.Settings, task.ProtectedSecrets,
                task.Settings.Runtime == AgentRuntime.Simulated ? null : CallbackToken(task.PublicId, task.Attempt),
                task.CallId, task.CallerNumber, task.OrganizationId, task.Resumed, task.Phone);
            // A paced provider account booked this call a moment ahead.
            if (task.DialAt - EngineClock.Now(clock) is { Ticks: > 0 } wait)
                await Task.Delay(wait, clock, ct);
            result = await runtime.ExecuteAsync(call, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await ReleaseAsync(task);
            return;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogAttemptCrashed(logger, e, task.PublicId, task.Attempt);
            result = AgentResult.Failure("The attempt failed inside Podium.");
        }

        activity?.SetTag("podium.outcome", result.Outcome);
        telemetry.Finished.Add(1, new KeyValuePair<string, object?>("outcome", result.Outcome));
        telemetry.AttemptDuration.Record(clock.GetElapsedTime(started).TotalSeconds);
        try
        {
            var recorded = await _recording.ExecuteAsync(async token =>
            {
                await using var recordScope = scopes.CreateAsyncScope();
                var completion = recordScope.ServiceProvider.GetRequiredService<TaskCompletion>();
                return await completion.RecordAsync(task.Id, task.Attempt, result, task.Settings, options.Value.Node, token);
            }, CancellationToken.None);
            if (!recorded) LogResultDiscarded(logger, task.PublicId, task.Attempt);
        }
        catch (Exception e) when (DatabaseErrors.IsDatabaseError(e))
        {
            // The database stayed out of reach: the lease lapses and the attempt runs again, with the same idempotency key.
            LogRecordFailed(logger, e, task.PublicId, task.Attempt);
        }
    }

    /// <summary>The token a webhook agent posts its late result with: bound to this task and attempt.</summary>
    public string CallbackToken(string taskId, int attempt) =>
        protection.CreateProtector(CallbackPurpose).Protect($"{taskId}:{attempt}");

    /// <summary>On shutdown: gives the task back at once, same attempt, for any process to pick up.</summary>
    private async Task ReleaseAsync(ClaimedTask task)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PodiumDb>();
        var node = options.Value.Node;
        var now = EngineClock.Now(clock);
        await db.Tasks.IgnoreQueryFilters()
            .Where(t => t.Id == task.Id && t.LeaseOwner == node && t.Status == TaskStatus.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseExpiresAt, now).SetProperty(t => t.LeaseOwner, (string?)null));
        await db.TaskAttempts.IgnoreQueryFilters()
            .Where(a => a.TaskId == task.Id && a.Number == task.Attempt && a.FinishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FinishedAt, now).SetProperty(a => a.Outcome, CallOutcomes.Interrupted)
                .SetProperty(a => a.Error, "The server shut down during the attempt; it was released to run again."));
        LogReleased(logger, task.PublicId, task.Attempt);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Attempt {Attempt} of task {TaskId} crashed")]
    private static partial void LogAttemptCrashed(ILogger logger, Exception exception, string taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Result of attempt {Attempt} of task {TaskId} discarded: the task moved on (lease lost, cancelled, or already answered)")]
    private static partial void LogResultDiscarded(ILogger logger, string taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Result of attempt {Attempt} of task {TaskId} could not be recorded; the attempt will run again after its lease")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released attempt {Attempt} of task {TaskId} at shutdown")]
    private static partial void LogReleased(ILogger logger, string taskId, int attempt);
}
