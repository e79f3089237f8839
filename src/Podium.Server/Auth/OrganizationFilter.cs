namespace Podium.Server.Auth;

/// <summary>The least role an endpoint needs; read by the organization filters.</summary>
public sealed record MinimumRole(Role Role);

/// <summary>How an endpoint finds its organization, for the OpenAPI document: by Org-Handle (required) or by the space or agent in its path.</summary>
public sealed record OrganizationScope(bool OrgHandleRequired);

public static class OrganizationFilterExtensions
{
    /// <summary>
    /// Makes the group org-scoped by the Org-Handle header (or <c>{orgHandle}</c> in the route):
    /// every endpoint resolves the caller's organization and role first, so an outsider or a
    /// too-low role learns nothing from validation messages.
    /// </summary>
    public static RouteGroupBuilder RequireOrganization(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<OrganizationFilter>();
        group.WithMetadata(new OrganizationScope(OrgHandleRequired: true));
        return group.WithValidation();
    }

    /// <summary>
    /// Makes the group org-scoped by the space (<c>{spaceToken}</c>) or agent (<c>{agentHandle}</c>)
    /// in its route: that already names the organization, so Org-Handle is optional but must match.
    /// </summary>
    public static RouteGroupBuilder RequireResourceOrganization(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<ResourceOrganizationFilter>();
        group.WithMetadata(new OrganizationScope(OrgHandleRequired: false));
        return group.WithValidation();
    }

    public static RouteGroupBuilder WithValidation(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<ValidationFilter>();
        return group;
    }

    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, Role role) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MinimumRole(role));
}

/// <summary>
/// Resolves the organization from the <c>{orgHandle}</c> route value or the Org-Handle header.
/// Not a member and no such organization look the same: 404.
/// </summary>
public sealed class OrganizationFilter : IEndpointFilter
{
    public const string HeaderName = "Org-Handle";
    public const string RouteKey = "orgHandle";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var handle = http.GetRouteValue(RouteKey) as string ?? http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(handle))
            return new ApiError(StatusCodes.Status400BadRequest, "Org-Handle header is required.");
        var normalized = handle.Trim().ToLowerInvariant();
        return await TenantScope.EnterAsync(context, next, "handle:" + normalized, m => m.Organization.DomainHandle == normalized, Api.OrganizationNotFound);
    }
}

/// <summary>
/// Resolves the organization that owns the space or agent named in the route, and records that
/// space or agent in <see cref="RouteResource"/> for the handler. A resource of an organization the
/// caller is not in, a private space the caller may not see, or one that does not match a given
/// Org-Handle, is 404.
/// </summary>
public sealed class ResourceOrganizationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<PodiumDb>();
        var cache = http.RequestServices.GetRequiredService<AccessCache>();
        var resource = http.RequestServices.GetRequiredService<RouteResource>();
        var given = http.Request.Headers[OrganizationFilter.HeaderName].ToString().Trim().ToLowerInvariant();
        string[] tenantOnly = [PodiumDb.Filters.Tenant];

        if (http.GetRouteValue("spaceToken") is string token)
        {
            var space = await cache.GetOrLoadAsync("space:" + token, ct => db.Spaces.IgnoreQueryFilters(tenantOnly).Where(s => s.Token == token)
                .Select(s => new Owned(s.Id, s.OrganizationId, null)).FirstOrDefaultAsync(ct), http.RequestAborted);
            if (space is null) return Api.SpaceNotFound;
            resource.SpaceId = space.Id;
            return await TenantScope.EnterAsync(context, next, Key(space, given), Matches(space.OrganizationId, given), Api.SpaceNotFound,
                () => !db.HiddenSpaceIds.Contains(space.Id));
        }

        var handle = http.GetRouteValue("agentHandle") as string;
        var agent = await cache.GetOrLoadAsync("agent:" + handle, ct => db.Agents.IgnoreQueryFilters(tenantOnly).Where(a => a.Handle == handle)
            .Select(a => new Owned(a.Id, a.OrganizationId, a.SpaceId)).FirstOrDefaultAsync(ct), http.RequestAborted);
        if (agent is null) return Api.AgentNotFound;
        resource.AgentId = agent.Id;
        // An agent bound to a space the caller may not see is as unknown as that space.
        return await TenantScope.EnterAsync(context, next, Key(agent, given), Matches(agent.OrganizationId, given), Api.AgentNotFound,
            () => agent.SpaceId is not { } spaceId || !db.HiddenSpaceIds.Contains(spaceId));
    }

    /// <summary>A space or agent's id, its organization, and (for an agent) the space it is bound to.</summary>
    private sealed record Owned(int Id, int OrganizationId, int? SpaceId);

    private static string Key(Owned owned, string givenHandle) => $"organization:{owned.OrganizationId}:{givenHandle}";

    private static System.Linq.Expressions.Expression<Func<Membership, bool>> Matches(int organizationId, string givenHandle) =>
        m => m.OrganizationId == organizationId && (givenHandle == "" || m.Organization.DomainHandle == givenHandle);
}

/// <summary>The space or agent a space-token or agent-handle route named, once its filter checked access.</summary>
public sealed class RouteResource
{
    private int? _spaceId;
    private int? _agentId;

    public int SpaceId
    {
        get => _spaceId ?? throw new InvalidOperationException("No space was resolved for this endpoint.");
        set => _spaceId = value;
    }

    public int AgentId
    {
        get => _agentId ?? throw new InvalidOperationException("No agent was resolved for this endpoint.");
        set => _agentId = value;
    }
}

/// <summary>The shared second half of both filters: membership, role, tenant scope, log scope.</summary>
public static class TenantScope
{
    /// <summary>
    /// Finds the caller's membership in the organization <paramref name="organization"/> selects and, if
    /// there is one, scopes <paramref name="tenant"/> and the database to it. The API's filters and the
    /// console both enter an organization this way.
    /// </summary>
    public static async Task<bool> ResolveAsync(
        PodiumDb db, Tenant tenant, int userId, System.Linq.Expressions.Expression<Func<Membership, bool>> organization, CancellationToken ct) =>
        Apply(db, tenant, userId, await LoadAsync(db, userId, organization, ct));

    /// <summary>
    /// The caller's role in the organization and the private spaces hidden from them; null when they are not a member.
    /// The organization is a read-only snapshot: the API's filters share it between requests through the cache.
    /// </summary>
    private sealed record Access(Role Role, Organization Organization, int[] HiddenSpaceIds);

    private static async Task<Access?> LoadAsync(
        PodiumDb db, int userId, System.Linq.Expressions.Expression<Func<Membership, bool>> organization, CancellationToken ct)
    {
        var membership = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Where(organization)
            .Select(m => new { m.Role, m.Organization })
            .FirstOrDefaultAsync(ct);
        if (membership is null) return null;
        // Admins see every space; for anyone else, the private spaces they are not in are hidden.
        var hidden = membership.Role == Role.Admin ? [] : await db.Spaces.IgnoreQueryFilters()
            .Where(s => s.OrganizationId == membership.Organization.Id && s.PrivacyType == PrivacyType.Private && !s.Members.Any(x => x.UserId == userId))
            .Select(s => s.Id)
            .ToArrayAsync(ct);
        return new Access(membership.Role, membership.Organization, hidden);
    }

    private static bool Apply(PodiumDb db, Tenant tenant, int userId, Access? access)
    {
        if (access is null) return false;
        tenant.Resolve(userId, access.Organization, access.Role);
        db.TenantId = access.Organization.Id;
        db.HiddenSpaceIds = access.HiddenSpaceIds;
        return true;
    }

    /// <param name="organizationKey">Names what <paramref name="organization"/> selects, for the cache.</param>
    public static async ValueTask<object?> EnterAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, string organizationKey,
        System.Linq.Expressions.Expression<Func<Membership, bool>> organization, ApiError notFound,
        Func<bool>? visible = null)
    {
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<PodiumDb>();
        var tenant = http.RequestServices.GetRequiredService<Tenant>();
        var cache = http.RequestServices.GetRequiredService<AccessCache>();
        var userId = Caller.From(http.User).UserId;
        var access = await cache.GetOrLoadAsync($"member:{userId}:{organizationKey}", ct => LoadAsync(db, userId, organization, ct), http.RequestAborted);
        if (!Apply(db, tenant, userId, access))
            return notFound;
        if (visible is not null && !visible())
            return notFound;
        var required = http.GetEndpoint()?.Metadata.GetMetadata<MinimumRole>()?.Role ?? Role.Viewer;
        if (tenant.Role < required)
            return Api.Forbidden();

        // Every log line written while handling the request names the tenant.
        var logger = http.RequestServices.GetRequiredService<ILogger<OrganizationFilter>>();
        using (logger.BeginScope(new Dictionary<string, object> { ["OrganizationId"] = tenant.OrganizationId }))
            return await next(context);
    }
}
