namespace Podium.Server.Features.Calls;

/// <summary>
/// A call in the Unpod SDK's <c>Call</c> shape. A call is a task of a call space: <c>call_id</c> is the task
/// id, <c>project_id</c> the space token, <c>agent_id</c> and <c>pipe_id</c> the agent's handle. Keys the SDK
/// defaults (<c>project_id</c>, <c>direction</c>, <c>status</c>, <c>data</c>, <c>transcript</c>) are never null.
/// <c>status</c> is <c>pending</c>, <c>scheduled</c>, <c>in_flight</c>, <c>hangup_requested</c>, <c>completed</c>,
/// <c>failed</c> or <c>cancelled</c>; <c>disposition</c> is the call outcome (completed, voicemail, busy,
/// no_answer, failed).
/// </summary>
public sealed record CallDto(
    string CallId,
    string ProjectId,
    string Direction,
    string Status,
    string? ToNumber,
    string? FromNumber,
    string AgentId,
    string PipeId,
    string? Instructions,
    JsonObject Data,
    JsonArray Transcript,
    string? Summary,
    string? RecordingUrl,
    double? DurationS,
    string? EndReason,
    string? Disposition,
    string? SessionId,
    decimal Cost,
    string RunId,
    string TaskId,
    int Attempt,
    DateTime? StartedAt,
    DateTime? EndedAt,
    DateTime Created,
    DateTime Modified);

/// <summary>The columns a call is made from, read in one query.</summary>
public sealed record CallRow(
    long Id, string TaskId, string Input, string? Output, TaskStatus Status, string? Outcome, string? LastFailureReason, string? FromNumber,
    string? Phone, int Attempt, long CostMicros, int AgentId, int SpaceId, string RunId, string Objective, DateTime? HangupRequestedAt,
    DateTime Created, DateTime Modified)
{
    public CallDto ToDto(string agent, string space)
    {
        var output = Output is null ? null : JsonNode.Parse(Output) as JsonObject;
        var status = Status switch
        {
            TaskStatus.Pending => "pending",
            TaskStatus.Scheduled => "scheduled",
            TaskStatus.InProgress => HangupRequestedAt is null ? "in_flight" : "hangup_requested",
            TaskStatus.Completed => "completed",
            TaskStatus.Failed => "failed",
            _ => "cancelled",
        };
        var duration = output?["duration"] is JsonValue d && d.TryGetValue<double>(out var seconds) ? seconds : (double?)null;
        return new CallDto(
            TaskId, space, "outbound", status, Phone, FromNumber ?? Text(output?["assistant_number"]), agent, agent,
            Objective.Length == 0 ? null : Objective, JsonNode.Parse(Input) as JsonObject ?? [],
            output?["transcript"]?.DeepClone() as JsonArray ?? [], Text(output?["call_summary"]), Text(output?["recording_url"]),
            duration, Text(output?["call_end_reason"]) ?? (Status == TaskStatus.Failed ? LastFailureReason : null), Outcome,
            Text(output?["call_id"]), CostMicros / 1_000_000m, RunId, TaskId, Attempt,
            Time(output?["start_time"]), Time(output?["end_time"]), Created, Modified);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static DateTime? Time(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime : null;
}

public static class CallQueries
{
    /// <summary>One call by its id, or null when the caller may not see it.</summary>
    public static async Task<CallDto?> ReadOneAsync(PodiumDb db, string callId, CancellationToken ct) =>
        (await ReadAsync(db, Calls(db).Where(t => t.PublicId == callId), ct)).SingleOrDefault();

    /// <summary>The calls of an ordered, filtered page of tasks, with their agents' handles and spaces' tokens.</summary>
    public static async Task<List<CallDto>> ReadAsync(PodiumDb db, IQueryable<RunTask> page, CancellationToken ct)
    {
        var rows = await (
            from t in page
            join r in db.Runs on t.RunId equals r.Id
            select new CallRow(t.Id, t.PublicId, t.Input, t.Output, t.Status, t.Outcome, t.LastFailureReason, t.FromNumber, t.Phone, t.Attempt,
                t.CostMicros, t.AgentId, t.SpaceId, r.PublicId, r.Objective, t.HangupRequestedAt, t.CreatedAt, t.ModifiedAt)).ToListAsync(ct);
        var agents = await ReferenceNames.AgentHandlesAsync(db, rows.Select(r => r.AgentId), ct);
        var spaces = await ReferenceNames.SpaceTokensAsync(db, rows.Select(r => r.SpaceId), ct);
        // Newest first, whatever order the join came back in.
        return rows.OrderByDescending(r => r.Id).Select(r => r.ToDto(agents[r.AgentId], spaces[r.SpaceId])).ToList();
    }

    public static IQueryable<RunTask> Calls(PodiumDb db) => db.Tasks.AsNoTracking().Where(t => t.ExecutionType == ExecutionType.Call);
}
