using Microsoft.Extensions.Options;
using Podium.Server.Features.Audit;

namespace Podium.Server.Features.Organizations;

public static class OrganizationEndpoints
{
    public static void MapOrganizations(this RouteGroupBuilder api)
    {
        // Listing and creating need no Org-Handle: they are how a caller finds one.
        var group = api.MapGroup("/organizations").WithTags("Organizations").WithValidation().Audited("organization");
        group.MapGet("/", ListOrganizations);
        group.MapPost("/", CreateOrganization).Creates();

        var scoped = api.MapGroup("/organizations/{orgHandle}").WithTags("Organizations").RequireOrganization().Audited("organization");
        scoped.MapPatch("/", UpdateOrganization).RequireRole(Role.Admin);
    }

    public static async Task<ApiResponse<IReadOnlyList<OrganizationDto>>> ListOrganizations(
        Caller caller, Paging paging, PodiumDb db, CancellationToken ct)
    {
        var query = db.Memberships.AsNoTracking().Where(m => m.UserId == caller.UserId);
        var count = await query.CountAsync(ct);
        var rows = await paging.Apply(query.OrderByDescending(m => m.OrganizationId), pageAll: true)
            .Select(m => new { m.Organization, m.Role })
            .ToListAsync(ct);
        return Api.List("Organizations fetched successfully", rows.ConvertAll(r => OrganizationDto.From(r.Organization, r.Role)), count);
    }

    /// <summary>
    /// Only when the operator allows self-service (<c>Organizations:SelfService</c>), up to
    /// <c>Organizations:MaxPerUser</c> per user; otherwise organizations are made with the admin commands.
    /// </summary>
    public static async Task<Results<ApiResponse<OrganizationDto>, ApiError>> CreateOrganization(
        CreateOrganizationRequest request, Caller caller, PodiumDb db, IOptions<OrganizationsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.SelfService)
            return new ApiError(StatusCodes.Status403Forbidden, "Creating organizations is turned off on this server; its operator creates them.");
        if (await db.Organizations.CountAsync(o => o.CreatedByUserId == caller.UserId, ct) >= settings.MaxPerUser)
            return new ApiError(StatusCodes.Status403Forbidden, $"You have created {settings.MaxPerUser} organizations, the most this server allows.");
        var created = await OrganizationOperations.CreateAsync(db, request, caller.UserId, clock.GetUtcNow().UtcDateTime, ct);
        if (created.Error is not null) return created.Error;
        return Api.Created("Organization created successfully", OrganizationDto.From(created.Value!, Role.Admin));
    }

    public static async Task<ApiResponse<OrganizationDto>> UpdateOrganization(
        UpdateOrganizationRequest request, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleAsync(o => o.Id == tenant.OrganizationId, ct);
        if (request.Name is not null) organization.Name = request.Name.Trim();
        if (request.Domain is not null) organization.Domain = request.Domain.Trim();
        if (request.IsPrivateDomain is { } isPrivate) organization.IsPrivateDomain = isPrivate;
        if (request.DefaultPhoneRegion is not null) organization.DefaultPhoneRegion = request.DefaultPhoneRegion.ToUpperInvariant();
        if (request.Timezone is not null) organization.TimeZone = request.Timezone;
        organization.ModifiedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Api.Ok("Organization updated successfully", OrganizationDto.From(organization, tenant.Role));
    }
}
