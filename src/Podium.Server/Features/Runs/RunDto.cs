using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Podium.Data;
using Podium.Data.Entities;
using TaskStatus = Podium.Data.Entities.TaskStatus;

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

/// <summary>A run's columns before its counters are added.</summary>
public sealed record RunRow(long Id, string RunId, int SpaceId, string SpaceToken, int User, string RunMode, RunStatus Status,
    string AgentHandle, string Objective, int TotalTasks, DateTime Created, DateTime Modified);

public static class RunQueries
{
    public static IQueryable<RunRow> Rows(IQueryable<Run> runs) =>
        runs.Select(r => new RunRow(r.Id, r.RunId, r.SpaceId, r.Space.Token, r.CreatedByUserId, r.RunMode, r.Status,
            r.Agent.Handle, r.Objective, r.TotalTasks, r.CreatedAt, r.ModifiedAt));

    /// <summary>Adds counters to a page of runs with one grouped query over their tasks.</summary>
    public static async Task<List<RunDto>> WithCountersAsync(PodiumDb db, IReadOnlyList<RunRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Tasks.Where(t => ids.Contains(t.RunId))
            .GroupBy(t => new { t.RunId, t.Status })
            .Select(g => new { g.Key.RunId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            int Count(params TaskStatus[] statuses) => counts.Where(c => c.RunId == r.Id && statuses.Contains(c.Status)).Sum(c => c.Count);
            return new RunDto(r.RunId, r.SpaceId, r.User, null, $"collection_data_{r.SpaceToken}", r.RunMode, r.Status, 1,
                r.AgentHandle, r.Objective, r.TotalTasks, Count(TaskStatus.Completed), Count(TaskStatus.Failed),
                Count(TaskStatus.Pending, TaskStatus.Scheduled), Count(TaskStatus.InProgress), Count(TaskStatus.Cancelled),
                r.Created, r.Modified);
        }).ToList();
    }
}
