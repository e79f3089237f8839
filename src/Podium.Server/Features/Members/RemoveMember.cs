namespace Podium.Server.Features.Members;

/// <summary>
/// A member leaves the organization (and its private spaces): removed by an admin, or leaving of their own
/// accord. The last admin cannot go.
/// </summary>
public static class RemoveMember
{
    public static Task<ApiError?> RunAsync(int userId, OperationContext context, CancellationToken ct) => GoAsync(userId, "deleted", context, ct);

    /// <summary>The acting member leaves.</summary>
    public static Task<ApiError?> LeaveAsync(OperationContext context, CancellationToken ct) => GoAsync(context.Tenant.UserId, "left", context, ct);

    private static async Task<ApiError?> GoAsync(int userId, string verb, OperationContext context, CancellationToken ct)
    {
        var (db, organizationId) = (context.Db, context.Tenant.OrganizationId);
        if (await db.Memberships.FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == userId, ct) is not { } membership) return MemberRules.MemberNotFound;
        if (membership.Role == Role.Admin && await MemberRules.IsLastAdminAsync(db, organizationId, userId, ct))
            return MemberRules.LastAdmin;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Memberships.Remove(membership);
        context.Record("member", verb, userId);
        await db.SaveChangesAsync(ct);
        // A removed member keeps no access to the organization's private spaces.
        await db.SpaceMembers.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
