using System.Text.Json.Serialization;

namespace Podium.Server.Features.Tasks;

public sealed record UserInfo(string Email, string FullName);

public sealed record TaskObjective(string Objective);

/// <summary>The task object of contract.md section 3: both doc generations' fields and Podium's attempt data.</summary>
public sealed record TaskDto(
    string TaskId,
    [property: JsonPropertyName("_id")] string Id,
    string RunId,
    string? ThreadId,
    UserInfo UserInfo,
    TaskObjective Task,
    JsonNode? Input,
    JsonNode? Output,
    IReadOnlyList<object> Attachments,
    string Assignee,
    TaskStatus Status,
    ExecutionType ExecutionType,
    string RunMode,
    string? RefId,
    int FailureCount,
    string? LastFailureReason,
    int RetryAttempt,
    int Attempt,
    string? Outcome,
    decimal Cost,
    DateTime LastStatusChange,
    DateTime? ScheduledTimestamp,
    DateTime Created,
    DateTime Modified);

/// <summary>The columns a task object is made from, read in one query.</summary>
public sealed record TaskRow(
    string TaskId, string DocumentId, string RunId, string UserEmail, string UserName, string Objective,
    string Input, string? Output, int AgentId, TaskStatus Status, ExecutionType ExecutionType, string RunMode,
    string? RefId, int FailureCount, string? LastFailureReason, int Attempt, int RetryBaseAttempt, string? Outcome, long CostMicros,
    DateTime LastStatusChange, DateTime? ScheduledFor, DateTime Created, DateTime Modified)
{
    public TaskDto ToDto(string assignee) => new(
        TaskId, DocumentId, RunId, null, new UserInfo(UserEmail, UserName), new TaskObjective(Objective),
        JsonNode.Parse(Input), Output is null ? null : JsonNode.Parse(Output), [], assignee, Status, ExecutionType, RunMode,
        RefId, FailureCount, LastFailureReason, Math.Max(Attempt - 1, 0), Attempt, Outcome, CostMicros / 1_000_000m,
        LastStatusChange, ScheduledFor, Created, Modified);
}

public static class TaskQueries
{
    /// <summary>Task objects for an ordered, filtered page of tasks: the tasks with their runs, then their agents' handles.</summary>
    public static async Task<List<TaskDto>> ReadAsync(PodiumDb db, IQueryable<RunTask> page, CancellationToken ct)
    {
        var rows = await Rows(db, page).ToListAsync(ct);
        var agents = await ReferenceNames.AgentHandlesAsync(db, rows.Select(r => r.AgentId), ct);
        return rows.ConvertAll(r => r.ToDto(agents[r.AgentId]));
    }

    private static IQueryable<TaskRow> Rows(PodiumDb db, IQueryable<RunTask> tasks) =>
        from t in tasks
        join r in db.Runs on t.RunId equals r.Id
        join u in db.Users on r.CreatedByUserId equals u.Id
        select new TaskRow(
            t.PublicId, t.DocumentId, r.PublicId, u.Email, u.FullName, r.Objective, t.Input, t.Output, t.AgentId, t.Status,
            t.ExecutionType, r.RunMode, t.RefId, t.FailureCount, t.LastFailureReason, t.Attempt, t.RetryBaseAttempt, t.Outcome,
            t.CostMicros, t.LastStatusChange, t.ScheduledFor, t.CreatedAt, t.ModifiedAt);
}
