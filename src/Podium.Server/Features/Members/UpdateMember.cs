namespace Podium.Server.Features.Members;

/// <summary>Gives a member another role; the last admin keeps theirs.</summary>
public static class UpdateMember
{
    public static async Task<Outcome<MemberDto>> RunAsync(int userId, UpdateMemberRequest request, OperationContext context, CancellationToken ct)
    {
        var (db, organizationId) = (context.Db, context.Tenant.OrganizationId);
        var membership = await db.Memberships.Include(m => m.User)
            .FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == userId, ct);
        if (membership is null) return MemberRules.MemberNotFound;
        if (membership.Role == Role.Admin && request.Role != Role.Admin && await MemberRules.IsLastAdminAsync(db, organizationId, userId, ct))
            return MemberRules.LastAdmin;

        membership.Role = request.Role;
        context.Record("member", "updated", userId, request);
        await db.SaveChangesAsync(ct);
        var u = membership.User;
        return new MemberDto(u.Id, u.Email, u.FullName, membership.Role, membership.CreatedAt);
    }
}
