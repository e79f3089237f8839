using Podium.Server.Features.Runs;
using Podium.Server.Features.Tasks;

namespace Podium.Server.Features.Agents;

public sealed record ExecutionDto(string RunId, RunStatus Status, int TotalTasks, int CompletedTasks, int FailedTasks, DateTime Created);

/// <summary>An agent's tasks and runs; the agent handle names the organization, so Org-Handle is optional.</summary>
public static class AgentWorkEndpoints
{
    public static void MapAgentWork(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agents/{agentHandle}").WithTags("Agents").RequireResourceOrganization();
        group.MapGet("/tasks", ListAgentTasks).Describe("listAgentTasks", "List an agent's tasks");
        group.MapGet("/executions", ListAgentExecutions).Describe("listAgentExecutions", "List an agent's runs");
    }

    public static async Task<Results<ApiResponse<IReadOnlyList<TaskDto>>, ApiError>> ListAgentTasks(
        string agentHandle, string? status, [AsParameters] ListScope list, CancellationToken ct)
    {
        var (paging, resource, db) = list;
        var tasks = db.Tasks.AsNoTracking().Where(t => t.AgentId == resource.AgentId);
        if (status is not null)
        {
            if (!WireValues.TryParse<Podium.Data.Entities.TaskStatus>(status, out var wanted)) return TaskEndpoints.InvalidStatus;
            tasks = tasks.Where(t => t.Status == wanted);
        }
        return await TaskEndpoints.PageAsync(db, tasks, paging, ct);
    }

    /// <summary>One summary per run of the agent, newest first; completed_tasks counts successful tasks.</summary>
    public static async Task<Results<ApiResponse<IReadOnlyList<ExecutionDto>>, ApiError>> ListAgentExecutions(
        string agentHandle, Paging paging, RouteResource resource, PodiumDb db, CancellationToken ct)
    {
        var runs = db.Runs.AsNoTracking().Where(r => r.AgentId == resource.AgentId);
        var count = await runs.CountAsync(ct);
        var executions = (await RunQueries.ReadAsync(db, paging.Apply(runs.OrderByDescending(r => r.Id)), ct))
            .ConvertAll(r => new ExecutionDto(r.RunId, r.Status, r.TotalTasks, r.CompletedTasks, r.FailedTasks, r.Created));
        return Api.List("Executions fetched successfully", executions, count);
    }
}
