namespace Podium.Server.Features.CallLogs;

/// <summary>
/// One call attempt. The newer docs' fields, plus the older page's <c>id</c> and <c>bridge</c>, plus
/// where the call came from in Podium (task, run, attempt, agent) and what it cost.
/// </summary>
public sealed record CallLogDto(
    string Id,
    string? SourceNumber,
    string? DestinationNumber,
    string CallType,
    string CallStatus,
    DateTime CreationTime,
    DateTime? StartTime,
    DateTime? EndTime,
    int CallDuration,
    string? EndReason,
    int? Bridge,
    string TaskId,
    string RunId,
    int Attempt,
    string AgentHandle,
    decimal Cost);

public static class CallLogEndpoints
{
    public static void MapCallLogs(this RouteGroupBuilder api) =>
        api.MapGroup("/call-logs").WithTags("Call logs").RequireOrganization().MapGet("/", List).Describe("listCallLogs", "List call logs");

    /// <summary>Finished call attempts of the organization, newest first. Podium places outbound calls only, so <c>call_type=inbound</c> is empty.</summary>
    public static async Task<ApiResponse<IReadOnlyList<CallLogDto>>> List(CallLogQuery query, Paging paging, PodiumDb db, CancellationToken ct)
    {
        var attempts = Calls(db);
        if (query.From is { } from) attempts = attempts.Where(a => a.StartedAt >= from);
        if (query.Before is { } before) attempts = attempts.Where(a => a.StartedAt < before);
        if (query.CallStatus is { } status)
        {
            var outcomes = CallLogQuery.Outcomes(status);
            attempts = attempts.Where(a => outcomes.Contains(a.Outcome!));
        }
        if (query.CallType == "inbound") attempts = attempts.Where(a => false);

        var count = await attempts.CountAsync(ct);
        var rows = await paging.Apply(attempts.OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id))
            .Join(db.Tasks, a => a.TaskId, t => t.Id, (a, t) => new { Attempt = a, t.Phone, t.PublicId, t.RunId, t.AgentId })
            .Join(db.Runs, x => x.RunId, r => r.Id, (x, r) => new { x.Attempt, x.Phone, x.PublicId, x.AgentId, RunId = r.PublicId })
            .ToListAsync(ct);
        var agents = await ReferenceNames.AgentHandlesAsync(db, rows.Select(r => r.AgentId), ct);
        var logs = rows.ConvertAll(r =>
        {
            var a = r.Attempt;
            var answered = a.Outcome == CallOutcomes.Completed;
            var duration = a.DurationSeconds ?? 0;
            return new CallLogDto(
                a.CallId ?? $"call_{a.Id}", a.CallerNumber, r.Phone, "outbound", CallLogQuery.StatusOf(a.Outcome),
                a.StartedAt, answered ? a.FinishedAt!.Value.AddSeconds(-duration) : null, answered ? a.FinishedAt : null,
                duration, a.EndReason, a.BridgeId, r.PublicId, r.RunId, a.Number, agents[r.AgentId], a.CostMicros / 1_000_000m);
        });
        return Api.List("Call logs fetched successfully", logs, count);
    }

    /// <summary>Finished attempts of call tasks: the rows of the call log, and what analytics count as calls.</summary>
    public static IQueryable<TaskAttempt> Calls(PodiumDb db) =>
        db.TaskAttempts.AsNoTracking()
            .Where(a => a.FinishedAt != null && a.Outcome != CallOutcomes.Deferred && db.Tasks.Any(t => t.Id == a.TaskId && t.ExecutionType == ExecutionType.Call));
}
