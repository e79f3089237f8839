using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Podium.Data;
using Podium.Data.Entities;
using Podium.Server.Auth;
using Podium.Server.Features.Audit;
using Podium.Server.Http;

namespace Podium.Server.Features.Spaces;

public static class SpaceEndpoints
{
    public static void MapSpaces(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/spaces").WithTags("Spaces").RequireOrganization().Audited("space");
        group.MapGet("/", ListSpaces);
        group.MapGet("/{spaceToken}", GetSpace);
        group.MapPost("/", CreateSpace).RequireRole(Role.Admin).Creates();
        group.MapPatch("/{spaceToken}", UpdateSpace).RequireRole(Role.Admin);
        group.MapDelete("/{spaceToken}", DeleteSpace).RequireRole(Role.Admin);
    }

    /// <summary>Spaces the caller may see: shared ones, private ones they belong to, all of them for admins (the visibility filter).</summary>
    public static async Task<ApiResponse<IReadOnlyList<SpaceDto>>> ListSpaces(
        Paging paging, PodiumDb db, CancellationToken ct)
    {
        var visible = db.Spaces.AsNoTracking();
        var count = await visible.CountAsync(ct);
        var spaces = await paging.Apply(visible.OrderByDescending(s => s.Id), pageAll: true)
            .Select(SpaceDto.Projection)
            .ToListAsync(ct);
        return Api.List("Spaces fetched successfully", spaces, count);
    }

    public static async Task<Results<ApiResponse<SpaceDto>, ApiError>> GetSpace(
        string spaceToken, PodiumDb db, CancellationToken ct)
    {
        var space = await db.Spaces.AsNoTracking()
            .Where(s => s.Token == spaceToken)
            .Select(SpaceDto.Projection)
            .FirstOrDefaultAsync(ct);
        if (space is null) return Api.SpaceNotFound;
        return Api.Ok("Space fetched successfully", await WithAgentsAsync(db, space, ct));
    }

    public static async Task<Results<ApiResponse<SpaceDto>, ApiError>> CreateSpace(
        CreateSpaceRequest request, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var created = await SpaceOperations.CreateAsync(db, tenant.OrganizationId, request, tenant.UserId, clock.GetUtcNow().UtcDateTime, ct);
        if (created.Error is not null) return created.Error;
        var space = await ReadAsync(db, created.Value!.Id, ct);
        return Api.Created("Space created successfully", await WithAgentsAsync(db, space, ct));
    }

    public static async Task<Results<ApiResponse<SpaceDto>, ApiError>> UpdateSpace(
        string spaceToken, UpdateSpaceRequest request, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var space = await db.Spaces.Include(s => s.Members).FirstOrDefaultAsync(s => s.Token == spaceToken, ct);
        if (space is null) return Api.SpaceNotFound;

        if (request.AgentHandle is not null)
        {
            var agent = await SpaceOperations.ResolveAgentAsync(db, request.AgentHandle, space.Id, ct);
            if (agent.Error is not null) return agent.Error;
            space.AgentId = agent.Value?.Id;
        }
        if (request.Members is not null)
        {
            var members = await SpaceOperations.ResolveMembersAsync(db, tenant.OrganizationId, request.Members, ct);
            if (members.Error is not null) return members.Error;
            space.Members.RemoveAll(m => !members.Value!.Contains(m.UserId));
            space.Members.AddRange(members.Value!.Where(id => !space.Members.Exists(m => m.UserId == id))
                .Select(id => new SpaceMember { OrganizationId = tenant.OrganizationId, UserId = id }));
        }
        if (request.Name is not null) space.Name = request.Name.Trim();
        if (request.Description is not null) space.Description = request.Description;
        if (request.Logo is not null) space.Logo = request.Logo.Length == 0 ? null : request.Logo;
        if (request.PrivacyType is { } privacy) space.PrivacyType = privacy;
        if (request.SpaceType is not null) space.SpaceType = request.SpaceType;
        if (request.ContentType is not null) space.ContentType = request.ContentType;
        if (request.MaxConcurrency is { } cap) space.MaxConcurrency = cap;
        space.ModifiedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);

        var updated = await ReadAsync(db, space.Id, ct);
        return Api.Ok("Space updated successfully", await WithAgentsAsync(db, updated, ct));
    }

    public static async Task<Results<NoContent, ApiError>> DeleteSpace(
        string spaceToken, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var deleted = await db.Spaces.Where(s => s.Token == spaceToken)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DeletedAt, now).SetProperty(x => x.ModifiedAt, now), ct);
        return deleted == 0 ? Api.SpaceNotFound : TypedResults.NoContent();
    }

    private static Task<SpaceDto> ReadAsync(PodiumDb db, int id, CancellationToken ct) =>
        db.Spaces.AsNoTracking().Where(s => s.Id == id).Select(SpaceDto.Projection).SingleAsync(ct);

    /// <summary>The space with its agents: its default agent and the agents bound to it.</summary>
    private static async Task<SpaceDto> WithAgentsAsync(PodiumDb db, SpaceDto space, CancellationToken ct) =>
        space with
        {
            Agents = await db.Agents.AsNoTracking()
                .Where(a => a.SpaceId == space.Id || a.Handle == space.AgentHandle)
                .OrderBy(a => a.Id)
                .Select(a => new AgentRef(a.Name, a.Handle, a.Type))
                .ToListAsync(ct),
        };
}
