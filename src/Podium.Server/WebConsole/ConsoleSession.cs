using System.Security.Claims;

namespace Podium.Server.WebConsole;

/// <summary>An organization the signed-in user belongs to, for the switcher.</summary>
public sealed record ConsoleOrganization(string Handle, string Name, Role Role);

/// <summary>
/// Who is using the console and in which organization. A page enters the organization named in its
/// URL through the same membership check as the API (<see cref="TenantScope"/>), which also scopes the
/// database to that tenant; anything outside it is not found.
/// </summary>
public sealed class ConsoleSession(PodiumDb db, Tenant tenant, ConsolePermissions permissions, IHttpContextAccessor accessor)
{
    public Tenant Tenant => tenant;
    public PodiumDb Db => db;

    public Caller Caller => Caller.From(accessor.HttpContext?.User ?? new ClaimsPrincipal());

    public string OrgHandle => tenant.Organization.DomainHandle;

    /// <summary>Scopes this request to the organization; false when the user is not a member (the page shows not found).</summary>
    public async Task<bool> EnterAsync(string orgHandle, CancellationToken ct)
    {
        var handle = orgHandle.Trim().ToLowerInvariant();
        return await TenantScope.ResolveAsync(db, tenant, Caller.UserId, m => m.Organization.DomainHandle == handle, ct);
    }

    public Task<List<ConsoleOrganization>> OrganizationsAsync(CancellationToken ct) => OrganizationsAsync(db, Caller.UserId, ct);

    public static Task<List<ConsoleOrganization>> OrganizationsAsync(PodiumDb db, int userId, CancellationToken ct) =>
        db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
            .OrderBy(m => m.Organization.Name)
            .Select(m => new ConsoleOrganization(m.Organization.DomainHandle, m.Organization.Name, m.Role))
            .ToListAsync(ct);

    /// <summary>A space of the entered organization the user may see, or null.</summary>
    public Task<Space?> SpaceAsync(string token, CancellationToken ct) =>
        db.Spaces.AsNoTracking().FirstOrDefaultAsync(s => s.Token == token, ct);

    /// <summary>Whether the user's role allows the API operation the console is about to do or offer.</summary>
    public bool Can(string method, string apiRoute) => tenant.IsResolved && permissions.Allows(tenant.Role, method, apiRoute);
}
