using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Podium.Data;
using Podium.Data.Entities;
using Podium.Server.Auth;
using Podium.Server.Engine;
using Podium.Server.Features.Collections;
using Podium.Server.Features.Webhooks;
using Podium.Server.Http;
using TaskStatus = Podium.Data.Entities.TaskStatus;

namespace Podium.Server.Features.Tasks;

public static class TaskEndpoints
{
    public static void MapTasks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/spaces/{spaceToken}/tasks").WithTags("Tasks").RequireResourceOrganization();
        group.MapGet("/", ListSpaceTasks);
        // The docs show both paths for creation; the older one shares its path with the list.
        group.MapPost("/create", CreateTasks).RequireRole(Role.Member).WithMetadata(TaskBodyLimit, CreateTaskBudget.Instance);
        group.MapPost("/", CreateTasks).RequireRole(Role.Member).WithMetadata(TaskBodyLimit, CreateTaskBudget.Instance);
    }

    /// <summary>10,000 documents need more room than the default body limit.</summary>
    private static readonly RequestSizeLimitAttribute TaskBodyLimit = new(32 * 1024 * 1024);

    public static async Task<Results<ApiResponse<CreatedRunDto>, ApiError>> CreateTasks(
        string spaceToken, CreateTaskRequest request, [FromHeader(Name = Idempotency.Header)] string? idempotencyKey,
        HttpContext http, Tenant tenant, RouteResource resource, PodiumDb db, CollectionWriter writer, WebhookOutbox outbox, TimeProvider clock, EngineSignal signal, CancellationToken ct)
    {
        if (idempotencyKey is { Length: 0 or > Idempotency.MaxKeyLength })
            return Api.Validation(Idempotency.Header, $"Must be 1 to {Idempotency.MaxKeyLength} characters.");
        var space = await db.Spaces.AsNoTracking().SingleAsync(s => s.Id == resource.SpaceId, ct);

        // Hashing a 10,000-document body costs; only a keyed request needs it.
        var fingerprint = idempotencyKey is null ? [] : Idempotency.Fingerprint(http, spaceToken, request);
        var created = await TaskCreation.CreateAsync(db, writer, outbox, tenant, space, request, idempotencyKey, fingerprint, clock.GetUtcNow().UtcDateTime, ct);
        if (created.Error is not null) return created.Error;
        var (run, replayed) = created.Value;
        if (replayed) http.Response.Headers[Idempotency.ReplayedHeader] = "true";
        else signal.Wake();
        return Api.Ok("Task Created Successfully", run);
    }

    public static async Task<Results<ApiResponse<IReadOnlyList<TaskDto>>, ApiError>> ListSpaceTasks(
        string spaceToken, string? status, [FromQuery(Name = "run_id")] string? runId, Paging paging,
        RouteResource resource, PodiumDb db, CancellationToken ct)
    {
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
