using Podium.Server.Storage;

namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>
/// A placed call whose last event did not come in time: the provider is asked how the call went. A call
/// still live, or a provider that cannot be asked, gets another grace, until its agent's longest call
/// plus four graces has passed; then the attempt ends with what is known, so no task waits forever.
/// </summary>
public sealed class CallReconciler(
    IServiceScopeFactory scopes, IEnumerable<IAgentRuntime> runtimes, IOptions<EngineOptions> options, TimeProvider clock)
{
    public sealed record Overdue(long TaskId, int Attempt, AgentSettings Settings);

    public async Task ReconcileAsync(IReadOnlyList<Overdue> overdue, CancellationToken ct) =>
        await Parallel.ForEachAsync(overdue, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, ReconcileOneAsync);

    private async ValueTask ReconcileOneAsync(Overdue task, CancellationToken ct)
    {
        var runtime = runtimes.OfType<ProviderRuntime>().First(r => r.Kind == task.Settings.Runtime);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PodiumDb>();
        var attempt = await db.TaskAttempts.IgnoreQueryFilters()
            .Where(a => a.TaskId == task.TaskId && a.Number == task.Attempt && a.FinishedAt == null)
            .Select(a => new { a.OrganizationId, a.ProviderConfigurationId, a.ProviderCallId, a.StartedAt })
            .FirstOrDefaultAsync(ct);
        if (attempt is null) return;
        var completion = scope.ServiceProvider.GetRequiredService<TaskCompletion>();
        AgentResult? conversation = null;
        if (!runtime.CarriesConversation && await scope.ServiceProvider.GetRequiredService<TelephonyReports>().PendingAsync(task.TaskId, task.Attempt, ct) is { } pending)
        {
            // The call was answered and is over, and its bot did not report within the grace: its facts stand alone.
            if (pending.Line is { } line)
            {
                await completion.RecordAsync(task.TaskId, task.Attempt, TelephonyReports.Merge(line, pending.Conversation), task.Settings, owner: null, ct);
                return;
            }
            conversation = pending.Conversation;
        }
        var account = await ProviderAccount.FindAsync(db, scope.ServiceProvider.GetRequiredService<ProviderSecrets>(),
            attempt.ProviderConfigurationId, attempt.OrganizationId, runtime.Provider, ct);
        var report = account is null || attempt.ProviderCallId is null ? null : await runtime.FetchAsync(account, attempt.ProviderCallId, ct);
        var now = EngineClock.Now(clock);
        var grace = options.Value.CallGrace;
        var lastChance = attempt.StartedAt + TimeSpan.FromSeconds(task.Settings.Call.MaxCallSeconds) + (grace * 4);

        if (report is { Progress: CallProgress.Reported } || (report is { Progress: CallProgress.Ended } && now >= lastChance))
        {
            await completion.RecordAsync(task.TaskId, task.Attempt, TelephonyReports.Merge(report.ToResult(runtime.Provider, runtime.ProviderName, null), conversation), task.Settings, owner: null, ct);
            return;
        }
        // A provider that cannot be asked (LiveKit): the bot's report says the call happened.
        if (report is null && conversation is not null)
        {
            await completion.RecordAsync(task.TaskId, task.Attempt, TelephonyReports.Unlined(conversation, runtime.Provider, attempt.ProviderCallId), task.Settings, owner: null, ct);
            return;
        }
        if (now < lastChance)
        {
            var until = now + grace;
            await db.Tasks.IgnoreQueryFilters()
                .Where(t => t.Id == task.TaskId && t.Status == TaskStatus.InProgress && t.Attempt == task.Attempt && t.AwaitingCallback)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseExpiresAt, until), ct);
            return;
        }
        var why = account is null ? $"its {runtime.ProviderName} configuration is gone or inactive, so the call could not be looked up"
            : report is null ? $"{runtime.ProviderName} could not be asked about the call"
            : $"{runtime.ProviderName} still reports the call as {report.ProviderStatus ?? "live"}";
        var minutes = (int)(now - attempt.StartedAt).TotalMinutes;
        await completion.RecordAsync(task.TaskId, task.Attempt,
            AgentResult.Failure($"The call's end was never reported {minutes} minutes after it was placed, and {why}.") with { Final = true },
            task.Settings, owner: null, ct);
    }
}
