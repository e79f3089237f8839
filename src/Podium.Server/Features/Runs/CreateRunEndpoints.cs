using Microsoft.AspNetCore.Mvc;
using Podium.Server.Features.Documents;

namespace Podium.Server.Features.Runs;

/// <summary>What the create-tasks endpoint hands its operation.</summary>
public sealed record CreateRunServices(OperationContext Context, CollectionWriter Writer, HttpResponse Response);

/// <summary>Creating tasks is creating a run: the tasks' paths, served by the runs feature.</summary>
public static class CreateRunEndpoints
{
    /// <summary>10,000 documents need more room than the default body limit.</summary>
    private static readonly RequestSizeLimitAttribute TaskBodyLimit = new(32 * 1024 * 1024);

    public static void MapRunCreation(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/spaces/{spaceToken}/tasks").WithTags("Tasks").RequireResourceOrganization();
        // The docs show both paths for creation; the older one shares its path with the task list.
        group.MapPost("/create", CreateTasks).Describe("createTasks", "Create a run of tasks").RequireRole(Role.Member).WithMetadata(TaskBodyLimit, CreateTaskBudget.Instance, OperationValidates.Instance);
        group.MapPost("/", CreateTasks).Describe("createTasksAtCollection", "Create a run of tasks (older path)").RequireRole(Role.Member).WithMetadata(TaskBodyLimit, CreateTaskBudget.Instance, OperationValidates.Instance);
    }

    public static async Task<Results<ApiResponse<CreatedRunDto>, ApiError>> CreateTasks(
        string spaceToken, CreateTaskRequest request, [FromHeader(Name = Idempotency.Header)] string? idempotencyKey,
        [AsParameters] CreateRunServices services, CancellationToken ct)
    {
        var created = await CreateRun.RunAsync(new CreateRunCommand(spaceToken, request, idempotencyKey), services.Context, services.Writer, ct);
        if (created.Error is not null) return created.Error;
        if (created.Value!.Replayed) services.Response.Headers[Idempotency.ReplayedHeader] = "true";
        return Api.Ok("Task Created Successfully", created.Value.Run);
    }
}
