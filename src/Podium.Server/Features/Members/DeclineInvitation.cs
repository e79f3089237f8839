namespace Podium.Server.Features.Members;

/// <summary>The invitee turns the invitation down; the inviting organization's log records it.</summary>
public static class DeclineInvitation
{
    public static async Task<Outcome<InvitationDto>> RunAsync(int invitationId, int userId, OperationContext context, CancellationToken ct)
    {
        var db = context.Db;
        if (await MemberRules.PendingFor(db, userId, context.Now).FirstOrDefaultAsync(i => i.Id == invitationId, ct) is not { } invitation) return MemberRules.InvitationNotFound;
        invitation.Status = InvitationStatus.Declined;
        invitation.RespondedAt = context.Now;
        context.Audit.Record(invitation.OrganizationId, userId, "invitation", "declined", invitationId);
        await db.SaveChangesAsync(ct);
        return await db.Invitations.AsNoTracking().Where(i => i.Id == invitationId).Select(InvitationDto.Projection).SingleAsync(ct);
    }
}
