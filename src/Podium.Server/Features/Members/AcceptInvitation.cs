using Podium.Server.Features.Organizations;

namespace Podium.Server.Features.Members;

/// <summary>The invitee joins the organization with the invitation's role, with their own key; the organization's log records it.</summary>
public static class AcceptInvitation
{
    /// <returns>The organization as the user now sees it, with their role.</returns>
    public static async Task<Outcome<OrganizationDto>> RunAsync(int invitationId, int userId, OperationContext context, CancellationToken ct)
    {
        var (db, now) = (context.Db, context.Now);
        if (await MemberRules.PendingFor(db, userId, now).Include(i => i.Organization).FirstOrDefaultAsync(i => i.Id == invitationId, ct) is not { } invitation) return MemberRules.InvitationNotFound;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        invitation.Status = InvitationStatus.Accepted;
        invitation.RespondedAt = now;
        if (!await db.Memberships.AnyAsync(m => m.OrganizationId == invitation.OrganizationId && m.UserId == userId, ct))
            db.Memberships.Add(new Membership { OrganizationId = invitation.OrganizationId, UserId = userId, Role = invitation.Role, CreatedAt = now });
        // The caller acts in no organization yet: the entry goes to the one joined.
        context.Audit.Record(invitation.OrganizationId, userId, "member", "joined", userId);
        if (await UniqueViolation.SaveAsync(db, Api.Conflict("You are already a member of this organization."), ct) is { } raced) return raced;
        await transaction.CommitAsync(ct);
        var role = await db.Memberships.Where(m => m.OrganizationId == invitation.OrganizationId && m.UserId == userId).Select(m => m.Role).SingleAsync(ct);
        return OrganizationDto.From(invitation.Organization, role);
    }
}
