namespace Podium.Server.Features.Members;

/// <summary>
/// The operator's <c>admin member add</c>: a user joins an organization directly. Through the API a user is
/// invited and joins by accepting. Like the operator's other set-up commands, it writes no audit entry.
/// </summary>
public static class AddMember
{
    public static async Task<Outcome<MemberDto>> RunAsync(PodiumDb db, int organizationId, AddMemberRequest request, DateTime now, CancellationToken ct)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
            return Api.Validation("email", "No user has this email address.");
        if (await db.Memberships.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == user.Id, ct))
            return MemberRules.AlreadyMember;

        db.Memberships.Add(new Membership { OrganizationId = organizationId, UserId = user.Id, Role = request.Role, CreatedAt = now });
        if (await UniqueViolation.SaveAsync(db, MemberRules.AlreadyMember, ct) is { } raced) return raced;
        return new MemberDto(user.Id, user.Email, user.FullName, request.Role, now);
    }
}
