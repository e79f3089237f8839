namespace Podium.Server.Features.Members;

/// <summary>An admin withdraws a pending invitation; it can no longer be accepted.</summary>
public static class RevokeInvitation
{
    public static async Task<ApiError?> RunAsync(int invitationId, OperationContext context, CancellationToken ct)
    {
        var (db, now) = (context.Db, context.Now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One conditional update, so an acceptance at the same moment either comes first or finds it revoked.
        var revoked = await db.Invitations
            .Where(i => i.Id == invitationId && i.OrganizationId == context.Tenant.OrganizationId && i.Status == InvitationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Revoked).SetProperty(i => i.RespondedAt, now), ct);
        if (revoked == 0) return MemberRules.InvitationNotFound;
        context.Record("invitation", "revoked", invitationId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
