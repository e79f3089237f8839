using System.Text.Json.Serialization;

namespace Podium.Server.Features.Runs;

/// <summary>The run object of contract.md section 3, with its task counters.</summary>
public sealed record RunDto(
    string RunId,
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString)] int SpaceId,
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString)] int User,
    string? ThreadId,
    string CollectionRef,
    string RunMode,
    RunStatus Status,
    int BatchCount,
    string AgentHandle,
    string Objective,
    int TotalTasks,
    int CompletedTasks,
    int FailedTasks,
    int PendingTasks,
    int InProgressTasks,
    int CancelledTasks,
    DateTime Created,
    DateTime Modified);

public static class RunQueries
{
    /// <summary>One run's object, as the API answers it.</summary>
    public static async Task<RunDto> ReadOneAsync(PodiumDb db, long id, CancellationToken ct) =>
        (await ReadAsync(db, db.Runs.AsNoTracking().Where(r => r.Id == id), ct))[0];

    /// <summary>
    /// Run objects for an ordered page of runs: the runs, then one grouped query of their tasks'
    /// counters, then the names of their agents and spaces.
    /// </summary>
    public static async Task<List<RunDto>> ReadAsync(PodiumDb db, IQueryable<Run> page, CancellationToken ct)
    {
        var rows = await page.Select(r => new { r.Id, r.PublicId, r.SpaceId, r.AgentId, r.CreatedByUserId, r.RunMode, r.Status, r.Objective, r.TotalTasks, r.CreatedAt, r.ModifiedAt })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Tasks.Where(t => ids.Contains(t.RunId))
            .GroupBy(t => new { t.RunId, t.Status })
            .Select(g => new { g.Key.RunId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var agents = await ReferenceNames.AgentHandlesAsync(db, rows.Select(r => r.AgentId), ct);
        var spaces = await ReferenceNames.SpaceTokensAsync(db, rows.Select(r => r.SpaceId), ct);
        return rows.ConvertAll(r =>
        {
            int Count(params TaskStatus[] statuses) => counts.Where(c => c.RunId == r.Id && statuses.Contains(c.Status)).Sum(c => c.Count);
            return new RunDto(r.PublicId, r.SpaceId, r.CreatedByUserId, null, $"collection_data_{spaces[r.SpaceId]}", r.RunMode, r.Status, 1,
                agents[r.AgentId], r.Objective, r.TotalTasks, Count(TaskStatus.Completed), Count(TaskStatus.Failed),
                Count(TaskStatus.Pending, TaskStatus.Scheduled), Count(TaskStatus.InProgress), Count(TaskStatus.Cancelled),
                r.CreatedAt, r.ModifiedAt);
        });
    }
}
