namespace Podium.Server.Features.Members;

/// <summary>What the membership operations share: their refusals and the rule that an organization keeps an admin.</summary>
public static class MemberRules
{
    public static readonly ApiError AlreadyMember = Api.Conflict("This user is already a member of the organization.");
    public static readonly ApiError LastAdmin = Api.Conflict("An organization must keep at least one admin.");
    public static readonly ApiError MemberNotFound = Api.NotFound("Member not found");
    public static readonly ApiError InvitationNotFound = Api.NotFound("Invitation not found");

    /// <summary>True when taking the admin role from this user would leave the organization without one.</summary>
    public static async Task<bool> IsLastAdminAsync(PodiumDb db, int organizationId, int userId, CancellationToken ct) =>
        !await db.Memberships.AnyAsync(m => m.OrganizationId == organizationId && m.Role == Role.Admin && m.UserId != userId, ct);

    /// <summary>A user's own pending invitations: matched by the e-mail of the key's owner, so nobody answers another's.</summary>
    public static IQueryable<Invitation> PendingFor(PodiumDb db, int userId, DateTime now) =>
        db.Invitations.Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now
            && db.Users.Any(u => u.Id == userId && u.Email == i.Email));
}
