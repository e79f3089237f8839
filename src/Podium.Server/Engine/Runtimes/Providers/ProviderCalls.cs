namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>
/// Applies what a provider says about a call to the attempt that placed it, from an event or a look at
/// the call. Every write is fenced on the attempt still waiting, so a repeated or late report changes nothing.
/// </summary>
public sealed class ProviderCalls(PodiumDb db, TaskCompletion completion, TelephonyReports telephony, TimeProvider clock, Microsoft.Extensions.Options.IOptions<EngineOptions> options)
{
    /// <returns>True when the report finished or moved the attempt.</returns>
    public async Task<bool> ApplyAsync(ProviderRuntime runtime, ProviderAccount account, ProviderEvent verified, CancellationToken ct)
    {
        if (verified.Report is not { Progress: not CallProgress.Live } report) return false;
        var attempts = db.TaskAttempts.IgnoreQueryFilters()
            .Where(a => a.OrganizationId == account.OrganizationId && a.ProviderConfigurationId == account.Id && a.FinishedAt == null);
        var attempt = await attempts.Where(a => a.ProviderCallId == verified.ProviderCallId)
            .Select(a => new { a.TaskId, a.Number, a.CallerNumber, a.Task.AgentId })
            .FirstOrDefaultAsync(ct);
        // An event can overtake the record of the call's id: the ids the provider keeps on the call name the attempt.
        if (attempt is null && verified.TaskKey is { } key)
            attempt = await attempts.Where(a => a.ProviderCallId == null && a.Task.PublicId == key.TaskId && a.Number == key.Attempt)
                .Select(a => new { a.TaskId, a.Number, a.CallerNumber, a.Task.AgentId })
                .FirstOrDefaultAsync(ct);
        if (attempt is null) return false;

        var now = EngineClock.Now(clock);
        if (report.Progress == CallProgress.Ended)
        {
            // Over, the analysis still to come: wait a grace for it, then read the call back.
            var until = now + options.Value.CallGrace;
            return await db.Tasks.IgnoreQueryFilters()
                .Where(t => t.Id == attempt.TaskId && t.Status == TaskStatus.InProgress && t.Attempt == attempt.Number && t.AwaitingCallback && t.LeaseExpiresAt > until)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseExpiresAt, until), ct) == 1;
        }
        var settings = await db.Agents.IgnoreQueryFilters().Where(a => a.Id == attempt.AgentId).Select(a => a.Settings).SingleAsync(ct);
        var result = report.ToResult(runtime.Provider, runtime.ProviderName, attempt.CallerNumber);
        return runtime.CarriesConversation
            ? await completion.RecordAsync(attempt.TaskId, attempt.Number, result, settings, owner: null, ct)
            : await telephony.LineAsync(attempt.TaskId, attempt.Number, result, settings, ct);
    }
}
