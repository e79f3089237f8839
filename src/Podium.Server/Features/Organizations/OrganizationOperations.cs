namespace Podium.Server.Features.Organizations;

/// <summary>Organization creation, shared by <c>POST organizations/</c> and <c>admin org create</c>.</summary>
public static class OrganizationOperations
{
    public static readonly ApiError HandleTaken = Api.Conflict("An organization with this domain_handle already exists.");

    /// <param name="creatorUserId">Made the organization's first admin, when given.</param>
    public static async Task<Outcome<Organization>> CreateAsync(
        PodiumDb db, CreateOrganizationRequest request, int? creatorUserId, DateTime now, CancellationToken ct)
    {
        var handle = request.DomainHandle.Trim().ToLowerInvariant();
        if (await db.Organizations.AnyAsync(o => o.DomainHandle == handle, ct))
            return HandleTaken;

        var organization = new Organization
        {
            Name = request.Name.Trim(),
            DomainHandle = handle,
            Domain = request.Domain?.Trim() ?? "",
            Token = Identifiers.OrganizationToken(),
            IsPrivateDomain = request.IsPrivateDomain,
            DefaultPhoneRegion = request.DefaultPhoneRegion?.ToUpperInvariant() ?? "US",
            TimeZone = request.Timezone ?? "UTC",
            CreatedByUserId = creatorUserId,
            CreatedAt = now,
            ModifiedAt = now,
        };
        db.Organizations.Add(organization);
        if (creatorUserId is { } userId)
            db.Memberships.Add(new Membership { Organization = organization, UserId = userId, Role = Role.Admin, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return HandleTaken;
        }
        return organization;
    }
}
