namespace Podium.Server.Features.Organizations;

/// <summary>
/// Makes an organization. A user who makes one (self-service, when the operator allows it) is its first
/// admin, and the organization's log starts with it; the operator's commands make it with no admin yet.
/// </summary>
public static class CreateOrganization
{
    public static readonly ApiError HandleTaken = Api.Conflict("An organization with this domain_handle already exists.");

    /// <summary>
    /// Only when the operator allows self-service (<c>Organizations:SelfService</c>), up to
    /// <c>Organizations:MaxPerUser</c> per user.
    /// </summary>
    public static async Task<Outcome<Organization>> ByUserAsync(
        CreateOrganizationRequest request, int userId, OrganizationsOptions limits, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        if (!limits.SelfService)
            return new ApiError(StatusCodes.Status403Forbidden, "Creating organizations is turned off on this server; its operator creates them.");
        if (await context.Db.Organizations.CountAsync(o => o.CreatedByUserId == userId, ct) >= limits.MaxPerUser)
            return new ApiError(StatusCodes.Status403Forbidden, $"You have created {limits.MaxPerUser} organizations, the most this server allows.");
        return await RunAsync(request, userId, context, ct);
    }

    /// <param name="creatorUserId">Made the organization's first admin, when given; null for the operator.</param>
    public static async Task<Outcome<Organization>> RunAsync(
        CreateOrganizationRequest request, int? creatorUserId, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var (db, now) = (context.Db, context.Now);
        var handle = request.DomainHandle.Trim().ToLowerInvariant();
        if (await db.Organizations.AnyAsync(o => o.DomainHandle == handle, ct)) return HandleTaken;

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
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (creatorUserId is { } userId)
            db.Memberships.Add(new Membership { Organization = organization, UserId = userId, Role = Role.Admin, CreatedAt = now });
        if (await UniqueViolation.SaveAsync(db, HandleTaken, ct) is { } taken) return taken;
        if (creatorUserId is not null)
        {
            // The entry belongs to the organization just made, which has an id only now.
            context.Audit.Record(organization.Id, creatorUserId, "organization", "created", organization.DomainHandle, request);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return organization;
    }
}
