using Microsoft.AspNetCore.Mvc;
using Podium.Server.Features.Collections;
using Podium.Server.Features.Runs;

namespace Podium.Server.Features.Tasks;

/// <summary>What the create-tasks endpoint hands its operation.</summary>
public sealed record CreateRunServices(OperationContext Context, CollectionWriter Writer, HttpResponse Response);

public static class TaskEndpoints
{
    public static void MapTasks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/spaces/{spaceToken}/tasks").WithTags("Tasks").RequireResourceOrganization();
        group.MapGet("/", ListSpaceTasks).Describe("listSpaceTasks", "List a space's tasks");
        // The docs show both paths for creation; the older one shares its path with the list.
        group.MapPost("/create", CreateTasks).Describe("createTasks", "Create a run of tasks").RequireRole(Role.Member).WithMetadata(TaskBodyLimit, CreateTaskBudget.Instance, OperationValidates.Instance);
        group.MapPost("/", CreateTasks).Describe("createTasksAtCollection", "Create a run of tasks (older path)").RequireRole(Role.Member).WithMetadata(TaskBodyLimit, CreateTaskBudget.Instance, OperationValidates.Instance);
    }

    /// <summary>10,000 documents need more room than the default body limit.</summary>
    private static readonly RequestSizeLimitAttribute TaskBodyLimit = new(32 * 1024 * 1024);

    public static async Task<Results<ApiResponse<CreatedRunDto>, ApiError>> CreateTasks(
        string spaceToken, CreateTaskRequest request, [FromHeader(Name = Idempotency.Header)] string? idempotencyKey,
        [AsParameters] CreateRunServices services, CancellationToken ct)
    {
        var created = await CreateRun.RunAsync(new CreateRunCommand(spaceToken, request, idempotencyKey), services.Context, services.Writer, ct);
        if (created.Error is not null) return created.Error;
        if (created.Value!.Replayed) services.Response.Headers[Idempotency.ReplayedHeader] = "true";
        return Api.Ok("Task Created Successfully", created.Value.Run);
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
            tasks = tasks.Where(t => t.Run.RunId == runId);
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
