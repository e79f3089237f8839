using Podium.Server.Features.Audit;

namespace Podium.Server.Features.Bridges;

public static class BridgeEndpoints
{
    public static readonly ApiError NotFound = Api.NotFound("Bridge not found");
    private static readonly ApiError SlugTaken = Api.Conflict("A bridge with this slug already exists.");

    public static void MapBridges(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/telephony/bridges").WithTags("Bridges").RequireOrganization().Audited("bridge");
        group.MapGet("/", List);
        group.MapGet("/{slug}", Get);
        group.MapPost("/", Create).RequireRole(Role.Admin).Creates();
        group.MapPatch("/{slug}", Update).RequireRole(Role.Admin);
        group.MapDelete("/{slug}", Delete).RequireRole(Role.Admin);
        group.MapPost("/{slug}/connect-provider", BridgeConnections.Connect).RequireRole(Role.Admin);
        group.MapPost("/{slug}/disconnect-provider", BridgeConnections.Disconnect).RequireRole(Role.Admin);
    }

    public static IQueryable<Bridge> Loaded(this IQueryable<Bridge> bridges) =>
        bridges.Include(b => b.Numbers).ThenInclude(n => n.ProviderConfiguration).Include(b => b.Agents).AsSplitQuery();

    public static async Task<ApiResponse<IReadOnlyList<BridgeDto>>> List(Tenant tenant, Paging paging, PodiumDb db, CancellationToken ct)
    {
        var (page, count) = await BridgeQueries.PageAsync(db, tenant, paging, ct);
        return Api.List("Bridges fetched successfully.", page, count);
    }

    public static async Task<Results<ApiResponse<BridgeDto>, ApiError>> Get(string slug, Tenant tenant, PodiumDb db, CancellationToken ct)
    {
        var bridge = await db.Bridges.AsNoTracking().Loaded().FirstOrDefaultAsync(b => b.Slug == slug, ct);
        return bridge is null ? NotFound : Api.Ok("Bridge fetched successfully.", BridgeDto.From(bridge, tenant.Organization.DomainHandle));
    }

    public static async Task<Results<ApiResponse<BridgeDto>, ApiError>> Create(
        CreateBridgeRequest request, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var slug = request.Slug ?? Identifiers.Slug(request.Name!, maxStem: 90);
        if (await db.Bridges.AnyAsync(b => b.Slug == slug, ct)) return SlugTaken;
        var agents = await ResolveAgentsAsync(db, request.Agents, ct);
        if (agents.Error is not null) return agents.Error;

        var now = clock.GetUtcNow().UtcDateTime;
        var bridge = new Bridge
        {
            OrganizationId = tenant.OrganizationId,
            Name = request.Name!.Trim(),
            Slug = slug,
            Description = request.Description ?? "",
            Region = string.IsNullOrEmpty(request.Region) ? null : request.Region,
            CreatedAt = now,
            ModifiedAt = now,
            Agents = agents.Value!,
        };
        db.Bridges.Add(bridge);
        if (await UniqueViolation.SaveAsync(db, SlugTaken, ct) is { } conflict) return conflict;
        return Api.Created("Bridge created successfully.", await ReadAsync(db, tenant, bridge.Id, ct));
    }

    public static async Task<Results<ApiResponse<BridgeDto>, ApiError>> Update(
        string slug, UpdateBridgeRequest request, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var bridge = await db.Bridges.Include(b => b.Agents).FirstOrDefaultAsync(b => b.Slug == slug, ct);
        if (bridge is null) return NotFound;
        if (request.Slug is not null && request.Slug != bridge.Slug)
            return Api.Validation("slug", "The slug cannot be changed after creation.");
        if (request.Agents is not null)
        {
            var agents = await ResolveAgentsAsync(db, request.Agents, ct);
            if (agents.Error is not null) return agents.Error;
            bridge.Agents.Clear();
            bridge.Agents.AddRange(agents.Value!);
        }
        if (request.Name is not null) bridge.Name = request.Name.Trim();
        if (request.Description is not null) bridge.Description = request.Description;
        if (request.Region is not null) bridge.Region = request.Region.Length == 0 ? null : request.Region;
        bridge.ModifiedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Api.Ok("Bridge updated successfully.", await ReadAsync(db, tenant, bridge.Id, ct));
    }

    /// <summary>
    /// Deleting a bridge that still has numbers would cut live routing, so it is refused unless
    /// <c>?force=true</c>, which disconnects them first (the numbers stay in the inventory).
    /// </summary>
    public static async Task<Results<NoContent, ApiError>> Delete(string slug, bool? force, PodiumDb db, CancellationToken ct)
    {
        var bridge = await db.Bridges.FirstOrDefaultAsync(b => b.Slug == slug, ct);
        if (bridge is null) return NotFound;
        var numbers = await db.PhoneNumbers.CountAsync(n => n.BridgeId == bridge.Id, ct);
        if (numbers > 0 && force != true)
            return Api.Conflict($"The bridge has {numbers} connected number(s). Disconnect them first, or pass ?force=true to disconnect them and delete the bridge.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.PhoneNumbers.Where(n => n.BridgeId == bridge.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.BridgeId, (int?)null), ct);
        await db.Agents.IgnoreQueryFilters([PodiumDb.Filters.SoftDelete]).Where(a => a.BridgeId == bridge.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.BridgeId, (int?)null), ct);
        db.Bridges.Remove(bridge);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<BridgeDto> ReadAsync(PodiumDb db, Tenant tenant, int id, CancellationToken ct) =>
        BridgeDto.From(await db.Bridges.AsNoTracking().Loaded().SingleAsync(b => b.Id == id, ct), tenant.Organization.DomainHandle);

    private static async Task<Outcome<List<Agent>>> ResolveAgentsAsync(PodiumDb db, IReadOnlyList<string>? handles, CancellationToken ct)
    {
        if (handles is null || handles.Count == 0) return new List<Agent>();
        var agents = await db.Agents.Where(a => handles.Contains(a.Handle)).ToListAsync(ct);
        var errors = new ValidationErrors();
        for (var i = 0; i < handles.Count; i++)
            if (!agents.Exists(a => a.Handle == handles[i]))
                errors.Add($"agents[{i}]", "No agent with this handle in the organization.");
        return errors.Any ? Api.Validation(errors.ToDictionary()) : agents;
    }

}
