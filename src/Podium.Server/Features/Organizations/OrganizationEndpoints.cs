namespace Podium.Server.Features.Organizations;

public static class OrganizationEndpoints
{
    public static void MapOrganizations(this RouteGroupBuilder api)
    {
        // Listing and creating need no Org-Handle: they are how a caller finds one.
        var group = api.MapGroup("/organizations").WithTags("Organizations").WithValidation();
        group.MapGet("/", ListOrganizations).Describe("listOrganizations", "List the caller's organizations");
        group.MapPost("/", CreateOrganization).Describe("createOrganization", "Create an organization").Creates().ValidatedByOperation();

        var scoped = api.MapGroup("/organizations/{orgHandle}").WithTags("Organizations").RequireOrganization();
        scoped.MapPatch("/", UpdateOrganization).Describe("updateOrganization", "Update the organization").RequireRole(Role.Admin).ValidatedByOperation();
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
        CreateOrganizationRequest request, Caller caller, IOptions<OrganizationsOptions> options, OperationContext context, CancellationToken ct) =>
        (await Organizations.CreateOrganization.ByUserAsync(request, caller.UserId, options.Value, context, ct))
            .Answer(organization => Api.Created("Organization created successfully", OrganizationDto.From(organization, Role.Admin)));

    public static async Task<Results<ApiResponse<OrganizationDto>, ApiError>> UpdateOrganization(
        UpdateOrganizationRequest request, OperationContext context, CancellationToken ct) =>
        (await Organizations.UpdateOrganization.RunAsync(request, context, ct)).Answer(organization => Api.Ok("Organization updated successfully", organization));
}
