using Microsoft.AspNetCore.Mvc;

namespace Podium.Server.Features.Tasks;

public static class TaskEndpoints
{
    public static void MapTasks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/spaces/{spaceToken}/tasks").WithTags("Tasks").RequireResourceOrganization();
        group.MapGet("/", ListSpaceTasks).Describe("listSpaceTasks", "List a space's tasks");
    }

    public static async Task<Results<ApiResponse<IReadOnlyList<TaskDto>>, ApiError>> ListSpaceTasks(
        string spaceToken, string? status, [FromQuery(Name = "run_id")] string? runId, [AsParameters] ListScope list, CancellationToken ct)
    {
        var (paging, resource, db) = list;
        var tasks = db.Tasks.AsNoTracking().Where(t => t.SpaceId == resource.SpaceId);
        if (status is not null)
        {
            if (!WireValues.TryParse<TaskStatus>(status, out var wanted)) return InvalidStatus;
            tasks = tasks.Where(t => t.Status == wanted);
        }
        if (runId is not null)
            tasks = tasks.Where(t => t.Run.PublicId == runId);
        return await PageAsync(db, tasks, paging, ct);
    }

    /// <summary>A page of task objects, newest first, with the true total.</summary>
    public static async Task<ApiResponse<IReadOnlyList<TaskDto>>> PageAsync(PodiumDb db, IQueryable<RunTask> tasks, Paging paging, CancellationToken ct)
    {
        var count = await tasks.CountAsync(ct);
        return Api.List("Tasks Fetched Successfully", await TaskQueries.ReadAsync(db, paging.Apply(tasks.OrderByDescending(t => t.Id)), ct), count);
    }

    public static readonly ApiError InvalidStatus =
        Api.Validation("status", "Use one of: pending, scheduled, in_progress, completed, failed, cancelled.");
}
