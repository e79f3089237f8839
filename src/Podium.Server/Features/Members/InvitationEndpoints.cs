using Podium.Server.Features.Organizations;

namespace Podium.Server.Features.Members;

/// <summary>An invitee's side: the invitations to the caller's address, accepted or declined with the caller's own key.</summary>
public static class InvitationEndpoints
{
    private static readonly ApiError InvitationNotFound = Api.NotFound("Invitation not found");

    public static void MapInvitations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/invitations").WithTags("Members").WithValidation();
        group.MapGet("/", ListMine);
        group.MapPost("/{invitationId:int}/accept", Accept);
        group.MapPost("/{invitationId:int}/decline", Decline);
    }

    /// <summary>Pending, unexpired invitations to the caller's e-mail address.</summary>
    public static async Task<ApiResponse<IReadOnlyList<InvitationDto>>> ListMine(Caller caller, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = Pending(db, caller, now);
        var list = await mine.OrderByDescending(i => i.Id).Take(1000).Select(InvitationDto.Projection).ToListAsync(ct);
        return Api.List("Invitations fetched successfully", list, await mine.CountAsync(ct));
    }

    /// <summary>Joins the organization with the invitation's role; answers the organization as the caller now sees it.</summary>
    public static async Task<Results<ApiResponse<OrganizationDto>, ApiError>> Accept(
        int invitationId, Caller caller, HttpContext http, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await Pending(db, caller, now).Include(i => i.Organization).FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null) return InvitationNotFound;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        invitation.Status = InvitationStatus.Accepted;
        invitation.RespondedAt = now;
        if (!await db.Memberships.AnyAsync(m => m.OrganizationId == invitation.OrganizationId && m.UserId == caller.UserId, ct))
            db.Memberships.Add(new Membership { OrganizationId = invitation.OrganizationId, UserId = caller.UserId, Role = invitation.Role, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Api.Conflict("You are already a member of this organization.");
        }
        await transaction.CommitAsync(ct);
        http.RequestServices.GetRequiredService<AuditTrail>().Record(invitation.OrganizationId, caller.UserId, "member", "joined", caller.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        var role = await db.Memberships.Where(m => m.OrganizationId == invitation.OrganizationId && m.UserId == caller.UserId).Select(m => m.Role).SingleAsync(ct);
        return Api.Ok("Invitation accepted successfully", OrganizationDto.From(invitation.Organization, role));
    }

    public static async Task<Results<ApiResponse<InvitationDto>, ApiError>> Decline(
        int invitationId, Caller caller, HttpContext http, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await Pending(db, caller, now).FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null) return InvitationNotFound;
        invitation.Status = InvitationStatus.Declined;
        invitation.RespondedAt = now;
        await db.SaveChangesAsync(ct);
        http.RequestServices.GetRequiredService<AuditTrail>().Record(invitation.OrganizationId, caller.UserId, "invitation", "declined", invitation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Api.Ok("Invitation declined successfully", await db.Invitations.AsNoTracking().Where(i => i.Id == invitationId).Select(InvitationDto.Projection).SingleAsync(ct));
    }

    /// <summary>The caller's own pending invitations: matched by the e-mail of the key's owner, so nobody answers another's.</summary>
    private static IQueryable<Invitation> Pending(PodiumDb db, Caller caller, DateTime now) =>
        db.Invitations.Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now
            && db.Users.Any(u => u.Id == caller.UserId && u.Email == i.Email));
}
