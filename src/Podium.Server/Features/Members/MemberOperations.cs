namespace Podium.Server.Features.Members;

/// <summary>
/// Membership changes. Only the operator's <c>admin member add</c> adds a member directly; through the
/// API a user is invited and joins by accepting.
/// </summary>
public static class MemberOperations
{
    public static readonly ApiError AlreadyMember = Api.Conflict("This user is already a member of the organization.");
    public static readonly ApiError LastAdmin = Api.Conflict("An organization must keep at least one admin.");

    public static async Task<Outcome<MemberDto>> AddAsync(
        PodiumDb db, int organizationId, AddMemberRequest request, DateTime now, CancellationToken ct)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
            return Api.Validation("email", "No user has this email address.");
        if (await db.Memberships.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == user.Id, ct))
            return AlreadyMember;

        db.Memberships.Add(new Membership { OrganizationId = organizationId, UserId = user.Id, Role = request.Role, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return AlreadyMember;
        }
        return new MemberDto(user.Id, user.Email, user.FullName, request.Role, now);
    }

    /// <summary>
    /// Invites an address to the organization, or renews the invitation it already has. The answer is the
    /// same whether or not the address belongs to a user here; only existing members are refused.
    /// </summary>
    public static async Task<Outcome<InvitationDto>> InviteAsync(
        PodiumDb db, int organizationId, AddMemberRequest request, int invitedBy, DateTime now, TimeSpan lifetime, CancellationToken ct)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        if (await db.Memberships.AnyAsync(m => m.OrganizationId == organizationId && m.User.Email == email, ct))
            return AlreadyMember;
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.OrganizationId == organizationId && i.Email == email, ct);
        if (invitation is null)
            db.Invitations.Add(invitation = new Invitation { OrganizationId = organizationId, Email = email });
        invitation.Role = request.Role;
        invitation.Status = InvitationStatus.Pending;
        invitation.InvitedByUserId = invitedBy;
        invitation.CreatedAt = now;
        invitation.ExpiresAt = now + lifetime;
        invitation.RespondedAt = null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Api.Conflict("This address was invited at the same moment; try again.");
        }
        return await db.Invitations.AsNoTracking().Where(i => i.Id == invitation.Id).Select(InvitationDto.Projection).SingleAsync(ct);
    }

    /// <summary>True when taking the admin role from this user would leave the organization without one.</summary>
    public static async Task<bool> IsLastAdminAsync(PodiumDb db, int organizationId, int userId, CancellationToken ct) =>
        !await db.Memberships.AnyAsync(m => m.OrganizationId == organizationId && m.Role == Role.Admin && m.UserId != userId, ct);
}
