namespace Podium.Server.Features.Agents;

public static class AgentEndpoints
{
    public static void MapAgents(this RouteGroupBuilder api)
    {
        var group = new Resource("/agents", "Agents", "{agentHandle}", "Agent", "agent").Map(api, ListAgents, GetAgent, Create, Update, Delete);
        group.MapPost("/{agentHandle}/rotate-secret", RotateSecret).Describe("rotateAgentSecret", "Rotate a webhook agent's signing secret").RequireRole(Role.Admin).ValidatedByOperation();
    }

    /// <summary>All states unless <c>?state=</c> narrows it (the docs list published, draft and archived).</summary>
    public static async Task<Results<ApiResponse<IReadOnlyList<AgentDto>>, ApiError>> ListAgents(
        string? state, Paging paging, Tenant tenant, PodiumDb db, CancellationToken ct)
    {
        var agents = db.Agents.AsNoTracking();
        if (state is not null)
        {
            if (!WireValues.TryParse<AgentState>(state, out var wanted))
                return Api.Validation("state", "Use one of: published, draft, archived.");
            agents = agents.Where(a => a.State == wanted);
        }
        var count = await agents.CountAsync(ct);
        var page = await paging.Apply(agents.OrderByDescending(a => a.Id), pageAll: true).Select(AgentDto.Projection).ToListAsync(ct);
        return Api.List("Agents fetched successfully", page.ConvertAll(a => a.SeenBy(tenant)), count);
    }

    public static async Task<Results<ApiResponse<AgentDto>, ApiError>> GetAgent(string agentHandle, Tenant tenant, PodiumDb db, CancellationToken ct)
    {
        var agent = await db.Agents.AsNoTracking().Where(a => a.Handle == agentHandle).Select(AgentDto.Projection).FirstOrDefaultAsync(ct);
        return agent is null ? Api.AgentNotFound : Api.Ok("Agent fetched successfully", agent.SeenBy(tenant));
    }

    /// <summary>A webhook agent's new signing secret, shown this once; the previous one signs beside it for <c>grace_hours</c>.</summary>
    public static async Task<Results<ApiResponse<AgentDto>, ApiError>> RotateSecret(
        string agentHandle, RotateSecretRequest? request, OperationContext context, IDataProtectionProvider protection, CancellationToken ct) =>
        (await RotateAgentSecret.RunAsync(agentHandle, request, context, protection, ct)).Answer(agent => Api.Ok("Agent secret rotated successfully", agent));

    public static async Task<Results<ApiResponse<AgentDto>, ApiError>> Create(
        CreateAgentRequest request, OperationContext context, IDataProtectionProvider protection, CancellationToken ct) =>
        (await CreateAgent.RunAsync(request, context, protection, ct)).Answer(agent => Api.Created("Agent created successfully", agent));

    public static async Task<Results<ApiResponse<AgentDto>, ApiError>> Update(
        string agentHandle, UpdateAgentRequest request, OperationContext context, IDataProtectionProvider protection, CancellationToken ct) =>
        (await UpdateAgent.RunAsync(agentHandle, request, context, protection, ct)).Answer(agent => Api.Ok("Agent updated successfully", agent));

    /// <summary>Soft delete: the handle stays reserved so old tasks never point at a stranger's agent.</summary>
    public static async Task<Results<NoContent, ApiError>> Delete(string agentHandle, OperationContext context, CancellationToken ct) =>
        Api.NoContentUnless(await DeleteAgent.RunAsync(agentHandle, context, ct));
}
