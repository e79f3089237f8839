using Microsoft.Extensions.Options;
using Podium.Server.Features.Audit;
using Podium.Server.Features.Organizations;

namespace Podium.Server.Features.Members;

public static class MemberEndpoints
{
    private static readonly ApiError MemberNotFound = Api.NotFound("Member not found");
    private static readonly ApiError InvitationNotFound = Api.NotFound("Invitation not found");

    public static void MapMembers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations/{orgHandle}/members").WithTags("Members")
            .RequireOrganization().RequireRole(Role.Admin).Audited("member");
        group.MapGet("/", ListMembers);
        group.MapPost("/", InviteMember).Creates().WithMetadata(new AuditVerb("invited"));
        group.MapPatch("/{userId:int}", UpdateMember);
        group.MapDelete("/{userId:int}", RemoveMember);

        var invitations = api.MapGroup("/organizations/{orgHandle}/invitations").WithTags("Members")
            .RequireOrganization().RequireRole(Role.Admin).Audited("invitation");
        invitations.MapGet("/", ListInvitations);
        invitations.MapDelete("/{invitationId:int}", RevokeInvitation).WithMetadata(new AuditVerb("revoked"));

        // Any member may leave; the last admin may not.
        api.MapGroup("/organizations/{orgHandle}/leave").WithTags("Members").RequireOrganization().Audited("member")
            .MapPost("/", Leave).WithMetadata(new AuditVerb("left"));
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
        AddMemberRequest request, Tenant tenant, PodiumDb db, IOptions<OrganizationsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var invited = await MemberOperations.InviteAsync(db, tenant.OrganizationId, request, tenant.UserId, clock.GetUtcNow().UtcDateTime,
            options.Value.InvitationLifetime, ct);
        if (invited.Error is not null) return invited.Error;
        return Api.Created("Invitation sent successfully", invited.Value!);
    }

    /// <summary>Pending invitations of the organization, newest first.</summary>
    public static async Task<ApiResponse<IReadOnlyList<InvitationDto>>> ListInvitations(
        Tenant tenant, Paging paging, PodiumDb db, CancellationToken ct)
    {
        var query = db.Invitations.AsNoTracking().Where(i => i.OrganizationId == tenant.OrganizationId && i.Status == InvitationStatus.Pending);
        var count = await query.CountAsync(ct);
        var page = await paging.Apply(query.OrderByDescending(i => i.Id), pageAll: true).Select(InvitationDto.Projection).ToListAsync(ct);
        return Api.List("Invitations fetched successfully", page, count);
    }

    public static async Task<Results<NoContent, ApiError>> RevokeInvitation(
        int invitationId, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.Invitations
            .Where(i => i.Id == invitationId && i.OrganizationId == tenant.OrganizationId && i.Status == InvitationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Revoked).SetProperty(i => i.RespondedAt, now), ct);
        return revoked == 0 ? InvitationNotFound : TypedResults.NoContent();
    }

    /// <summary>The caller leaves the organization (and its private spaces); the last admin cannot.</summary>
    public static Task<Results<NoContent, ApiError>> Leave(Tenant tenant, PodiumDb db, CancellationToken ct) =>
        RemoveMember(tenant.UserId, tenant, db, ct);

    public static async Task<Results<ApiResponse<MemberDto>, ApiError>> UpdateMember(
        int userId, UpdateMemberRequest request, Tenant tenant, PodiumDb db, CancellationToken ct)
    {
        var membership = await db.Memberships.Include(m => m.User)
            .FirstOrDefaultAsync(m => m.OrganizationId == tenant.OrganizationId && m.UserId == userId, ct);
        if (membership is null) return MemberNotFound;
        if (membership.Role == Role.Admin && request.Role != Role.Admin
            && await MemberOperations.IsLastAdminAsync(db, tenant.OrganizationId, userId, ct))
            return MemberOperations.LastAdmin;

        membership.Role = request.Role;
        await db.SaveChangesAsync(ct);
        var u = membership.User;
        return Api.Ok("Member updated successfully", new MemberDto(u.Id, u.Email, u.FullName, membership.Role, membership.CreatedAt));
    }

    public static async Task<Results<NoContent, ApiError>> RemoveMember(
        int userId, Tenant tenant, PodiumDb db, CancellationToken ct)
    {
        var membership = await db.Memberships
            .FirstOrDefaultAsync(m => m.OrganizationId == tenant.OrganizationId && m.UserId == userId, ct);
        if (membership is null) return MemberNotFound;
        if (membership.Role == Role.Admin && await MemberOperations.IsLastAdminAsync(db, tenant.OrganizationId, userId, ct))
            return MemberOperations.LastAdmin;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        // A removed member keeps no access to the organization's private spaces.
        await db.SpaceMembers.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
