namespace Podium.Server.Auth;

/// <summary>
/// The organization a request acts in and the caller's role there. Scoped per request and
/// filled once by <see cref="OrganizationFilter"/> before any org-scoped handler runs.
/// </summary>
public sealed class Tenant
{
    private Organization? _organization;

    public int UserId { get; private set; }
    public Role Role { get; private set; }
    public Organization Organization => _organization ?? throw new InvalidOperationException("The tenant was not resolved for this endpoint.");
    public int OrganizationId => Organization.Id;
    public bool IsAdmin => Role == Role.Admin;

    /// <summary>False on endpoints that act outside one organization (a user's own keys, creating an organization).</summary>
    public bool IsResolved => _organization is not null;

    /// <summary>The acting user, or null for an operator's admin command, which acts as no user.</summary>
    public int? ActingUserId => UserId == 0 ? null : UserId;

    /// <summary>An admin command acts in the organization as an operator: an admin who is no user.</summary>
    internal void ResolveAsOperator(Organization organization) => Resolve(0, organization, Role.Admin);

    internal void Resolve(int userId, Organization organization, Role role)
    {
        UserId = userId;
        _organization = organization;
        Role = role;
    }
}
