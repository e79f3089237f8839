using Podium.Server.Features.Organizations;

namespace Podium.Server.Features.Members;

public static class MemberEndpoints
{
    public static void MapMembers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations/{orgHandle}/members").WithTags("Members")
            .RequireOrganization().RequireRole(Role.Admin);
        group.MapGet("/", ListMembers).Describe("listMembers", "List members");
        group.MapPost("/", InviteMember).Describe("inviteMember", "Invite a member").Creates().ValidatedByOperation();
        group.MapPatch("/{userId:int}", UpdateMember).Describe("updateMember", "Change a member's role");
        group.MapDelete("/{userId:int}", Remove).Describe("removeMember", "Remove a member");

        var invitations = api.MapGroup("/organizations/{orgHandle}/invitations").WithTags("Members")
            .RequireOrganization().RequireRole(Role.Admin);
        invitations.MapGet("/", ListInvitations).Describe("listInvitations", "List the organization's pending invitations");
        invitations.MapDelete("/{invitationId:int}", RevokeInvitation).Describe("revokeInvitation", "Revoke an invitation");

        // Any member may leave; the last admin may not.
        api.MapGroup("/organizations/{orgHandle}/leave").WithTags("Members").RequireOrganization().MapPost("/", Leave).Describe("leaveOrganization", "Leave the organization");
    }

    public static async Task<ApiResponse<IReadOnlyList<MemberDto>>> ListMembers(
        Tenant tenant, Paging paging, PodiumDb db, CancellationToken ct)
    {
        var query = db.Memberships.AsNoTracking().Where(m => m.OrganizationId == tenant.OrganizationId);
        var count = await query.CountAsync(ct);
        var members = await paging.Apply(query.OrderBy(m => m.UserId), pageAll: true)
            .Select(m => new MemberDto(m.UserId, m.User.Email, m.User.FullName, m.Role, m.CreatedAt))
            .ToListAsync(ct);
        return Api.List("Members fetched successfully", members, count);
    }

    /// <summary>
    /// Invites the address: the user becomes a member only by accepting with their own key. The answer is
    /// the same for an address of no user here, so it tells nothing about who uses this server.
    /// </summary>
    public static async Task<Results<ApiResponse<InvitationDto>, ApiError>> InviteMember(
        AddMemberRequest request, IOptions<OrganizationsOptions> options, OperationContext context, CancellationToken ct) =>
        (await Members.InviteMember.RunAsync(request, context, options.Value.InvitationLifetime, ct)).Answer(invitation => Api.Created("Invitation sent successfully", invitation));

    /// <summary>Pending invitations of the organization, newest first.</summary>
    public static async Task<ApiResponse<IReadOnlyList<InvitationDto>>> ListInvitations(
        Tenant tenant, Paging paging, PodiumDb db, CancellationToken ct)
    {
        var query = db.Invitations.AsNoTracking().Where(i => i.OrganizationId == tenant.OrganizationId && i.Status == InvitationStatus.Pending);
        var count = await query.CountAsync(ct);
        var page = await paging.Apply(query.OrderByDescending(i => i.Id), pageAll: true).Select(InvitationDto.Projection).ToListAsync(ct);
        return Api.List("Invitations fetched successfully", page, count);
    }

    public static async Task<Results<NoContent, ApiError>> RevokeInvitation(int invitationId, OperationContext context, CancellationToken ct) =>
        Api.NoContentUnless(await Members.RevokeInvitation.RunAsync(invitationId, context, ct));

    /// <summary>The caller leaves the organization (and its private spaces); the last admin cannot.</summary>
    public static async Task<Results<NoContent, ApiError>> Leave(OperationContext context, CancellationToken ct) =>
        Api.NoContentUnless(await RemoveMember.LeaveAsync(context, ct));

    public static async Task<Results<ApiResponse<MemberDto>, ApiError>> UpdateMember(
        int userId, UpdateMemberRequest request, OperationContext context, CancellationToken ct) =>
        (await Members.UpdateMember.RunAsync(userId, request, context, ct)).Answer(member => Api.Ok("Member updated successfully", member));

    public static async Task<Results<NoContent, ApiError>> Remove(int userId, OperationContext context, CancellationToken ct) =>
        Api.NoContentUnless(await RemoveMember.RunAsync(userId, context, ct));
}
