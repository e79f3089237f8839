using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Podium.Data;
using Podium.Data.Entities;
using Podium.Server.Auth;
using Podium.Server.Engine;
using Podium.Server.Features.Audit;
using Podium.Server.Features.Tasks;
using Podium.Server.Features.Webhooks;
using Podium.Server.Http;


namespace Podium.Server.Features.Runs;

public static class RunEndpoints
{
    private static readonly ApiError RunNotFound = Api.NotFound("Run not found");

    public static void MapRuns(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/spaces/{spaceToken}/runs").WithTags("Runs").RequireResourceOrganization().Audited("run");
        group.MapGet("/", ListRuns);
        group.MapGet("/{runId}", GetRun);
        group.MapGet("/{runId}/tasks", ListRunTasks);
        group.MapPost("/{runId}/{action:regex(^(cancel|pause|resume|retry)$)}", ControlRun).RequireRole(Role.Member);
    }

    public static async Task<Results<ApiResponse<IReadOnlyList<RunDto>>, ApiError>> ListRuns(
        string spaceToken, string? status, Paging paging, RouteResource resource, PodiumDb db, CancellationToken ct)
    {
        var runs = db.Runs.AsNoTracking().Where(r => r.SpaceId == resource.SpaceId);
        if (status is not null)
        {
            if (!WireValues.TryParse<RunStatus>(status, out var wanted))
                return Api.Validation("status", "Use one of: pending, running, completed, partially_completed, failed, paused, cancelled.");
            runs = runs.Where(r => r.Status == wanted);
        }
        var count = await runs.CountAsync(ct);
        return Api.List("Runs Fetched Successfully", await RunQueries.ReadAsync(db, paging.Apply(runs.OrderByDescending(r => r.Id)), ct), count);
    }

    public static async Task<Results<ApiResponse<RunDto>, ApiError>> GetRun(
        string spaceToken, string runId, RouteResource resource, PodiumDb db, CancellationToken ct)
    {
        var run = await FindAsync(db, resource, runId, ct);
        if (run.Error is not null) return run.Error;
        return Api.Ok("Run fetched successfully", await ReadAsync(db, run.Value!.Id, ct));
    }

    public static async Task<Results<ApiResponse<IReadOnlyList<TaskDto>>, ApiError>> ListRunTasks(
        string spaceToken, string runId, string? status, Paging paging, RouteResource resource, PodiumDb db, CancellationToken ct)
    {
        var run = await FindAsync(db, resource, runId, ct);
        if (run.Error is not null) return run.Error;
        var tasks = db.Tasks.AsNoTracking().Where(t => t.RunId == run.Value!.Id);
        if (status is not null)
        {
            if (!WireValues.TryParse<Podium.Data.Entities.TaskStatus>(status, out var wanted)) return TaskEndpoints.InvalidStatus;
            tasks = tasks.Where(t => t.Status == wanted);
        }
        return await TaskEndpoints.PageAsync(db, tasks, paging, ct);
    }

    private static readonly Dictionary<string, string> Messages = new()
    {
        ["cancel"] = "Run cancelled successfully",
        ["pause"] = "Run paused successfully",
        ["resume"] = "Run resumed successfully",
        ["retry"] = "Run retried successfully",
    };

    /// <summary><c>POST runs/{run_id}/cancel|pause|resume|retry/</c>: answers the run as it is afterwards.</summary>
    public static async Task<Results<ApiResponse<RunDto>, ApiError>> ControlRun(
        string spaceToken, string runId, string action, RouteResource resource, PodiumDb db, WebhookOutbox outbox, TimeProvider clock, EngineSignal signal,
        CancellationToken ct)
    {
        var run = await FindAsync(db, resource, runId, ct);
        if (run.Error is not null) return run.Error;
        if (await RunControl.ApplyAsync(db, outbox, signal, run.Value!, action, EngineClock.Now(clock), ct) is { } conflict) return conflict;
        return Api.Ok(Messages[action], await ReadAsync(db, run.Value!.Id, ct));
    }

    internal static async Task<Common.Outcome<Run>> FindAsync(PodiumDb db, RouteResource resource, string runId, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.RunId == runId && r.SpaceId == resource.SpaceId, ct);
        return run is null ? RunNotFound : run;
    }

    internal static async Task<RunDto> ReadAsync(PodiumDb db, long id, CancellationToken ct)
    {
        return (await RunQueries.ReadAsync(db, db.Runs.AsNoTracking().Where(r => r.Id == id), ct))[0];
    }
}
