using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Podium.Data;
using Podium.Data.Entities;
using Podium.Server.Auth;
using Podium.Server.Features.Audit;
using Podium.Server.Http;

namespace Podium.Server.Features.Agents;

public static class AgentEndpoints
{
    public static void MapAgents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agents").WithTags("Agents").RequireOrganization().Audited("agent");
        group.MapGet("/", ListAgents);
        group.MapGet("/{agentHandle}", GetAgent);
        group.MapPost("/", CreateAgent).RequireRole(Role.Admin).Creates();
        group.MapPatch("/{agentHandle}", UpdateAgent).RequireRole(Role.Admin);
        group.MapDelete("/{agentHandle}", DeleteAgent).RequireRole(Role.Admin);
        group.MapPost("/{agentHandle}/rotate-secret", RotateSecret).RequireRole(Role.Admin);
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
        string agentHandle, RotateSecretRequest? request, PodiumDb db, IDataProtectionProvider protection, TimeProvider clock, CancellationToken ct)
    {
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.Handle == agentHandle, ct);
        if (agent is null) return Api.AgentNotFound;
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = WebhookSecrets.Rotate(agent, protection, (request ?? new RotateSecretRequest()).Grace, now);
        if (secret is null) return Api.Conflict("Only a webhook agent has a signing secret.");
        agent.ModifiedAt = now;
        await db.SaveChangesAsync(ct);
        return Api.Ok("Agent secret rotated successfully", await ReadAsync(db, agent.Id, ct) with { WebhookSecret = secret });
    }

    public static async Task<Results<ApiResponse<AgentDto>, ApiError>> CreateAgent(
        CreateAgentRequest request, Tenant tenant, PodiumDb db, IDataProtectionProvider protection, TimeProvider clock, CancellationToken ct)
    {
        var created = await AgentOperations.CreateAsync(db, protection, tenant.OrganizationId, request, clock.GetUtcNow().UtcDateTime, ct);
        if (created.Error is not null) return created.Error;
        var (agent, secret) = created.Value;
        return Api.Created("Agent created successfully", await ReadAsync(db, agent.Id, ct) with { WebhookSecret = secret });
    }

    public static async Task<Results<ApiResponse<AgentDto>, ApiError>> UpdateAgent(
        string agentHandle, UpdateAgentRequest request, PodiumDb db, IDataProtectionProvider protection, TimeProvider clock, CancellationToken ct)
    {
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.Handle == agentHandle, ct);
        if (agent is null) return Api.AgentNotFound;
        if (request.SpaceToken is not null)
        {
            var space = await AgentOperations.ResolveSpaceAsync(db, request.SpaceToken, ct);
            if (space.Error is not null) return space.Error;
            agent.SpaceId = space.Value;
        }
        if (await AgentOperations.CheckProviderAsync(db, request.Runtime, ct) is { } badProvider) return badProvider;
        if (await AgentOperations.CheckVoiceProfileAsync(db, request.VoiceProfileId, ct) is { } badVoice) return badVoice;
        if (request.Name is not null) agent.Name = request.Name.Trim();
        if (request.Type is { } type) agent.Type = type;
        if (request.State is { } state) agent.State = state;
        if (request.Purpose is not null) agent.Purpose = request.Purpose;
        if (request.Description is not null) agent.Description = request.Description;
        agent.Settings = request.ApplyTo(agent.Settings);
        var secret = WebhookSecrets.EnsureFor(agent, protection);
        agent.ModifiedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Api.Ok("Agent updated successfully", await ReadAsync(db, agent.Id, ct) with { WebhookSecret = secret });
    }

    /// <summary>Soft delete: the handle stays reserved so old tasks never point at a stranger's agent.</summary>
    public static async Task<Results<NoContent, ApiError>> DeleteAgent(string agentHandle, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.Handle == agentHandle, ct);
        if (agent is null) return Api.AgentNotFound;
        var now = clock.GetUtcNow().UtcDateTime;
        agent.DeletedAt = now;
        agent.ModifiedAt = now;
        agent.State = AgentState.Archived;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.Spaces.Where(s => s.AgentId == agent.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AgentId, (int?)null), ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static Task<AgentDto> ReadAsync(PodiumDb db, int id, CancellationToken ct) =>
        db.Agents.AsNoTracking().Where(a => a.Id == id).Select(AgentDto.Projection).SingleAsync(ct);
}
