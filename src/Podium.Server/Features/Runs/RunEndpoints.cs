using Podium.Server.Features.Tasks;


namespace Podium.Server.Features.Runs;

public static class RunEndpoints
{
    public static void MapRuns(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/spaces/{spaceToken}/runs").WithTags("Runs").RequireResourceOrganization();
        group.MapGet("/", ListRuns).Describe("listRuns", "List a space's runs");
        group.MapGet("/{runId}", GetRun).Describe("getRun", "Get a run");
        group.MapGet("/{runId}/tasks", ListRunTasks).Describe("listRunTasks", "List a run's tasks");
        group.MapPost("/{runId}/{action:regex(^(cancel|pause|resume|retry)$)}", Control).Describe("controlRun", "Cancel, pause, resume or retry a run").RequireRole(Role.Member);
    }

    public static async Task<Results<ApiResponse<IReadOnlyList<RunDto>>, ApiError>> ListRuns(
        string spaceToken, string? status, [AsParameters] ListScope list, CancellationToken ct)
    {
        var (paging, resource, db) = list;
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
        return Api.Ok("Run fetched successfully", await RunQueries.ReadOneAsync(db, run.Value!.Id, ct));
    }

    public static async Task<Results<ApiResponse<IReadOnlyList<TaskDto>>, ApiError>> ListRunTasks(
        string spaceToken, string runId, string? status, [AsParameters] ListScope list, CancellationToken ct)
    {
        var (paging, resource, db) = list;
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
    public static async Task<Results<ApiResponse<RunDto>, ApiError>> Control(
        string spaceToken, string runId, string action, OperationContext context, CancellationToken ct) =>
        (await ControlRun.RunAsync(new ControlRunCommand(spaceToken, runId, action), context, ct)).Answer(run => Api.Ok(Messages[action], run));

    private static async Task<Common.Outcome<Run>> FindAsync(PodiumDb db, RouteResource resource, string runId, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.PublicId == runId && r.SpaceId == resource.SpaceId, ct);
        return run is null ? ControlRun.RunNotFound : run;
    }
}
