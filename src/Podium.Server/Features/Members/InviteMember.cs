namespace Podium.Server.Features.Members;

/// <summary>
/// Invites an address to the acting organization, or renews the invitation it already has: the user becomes
/// a member only by accepting with their own key. The answer is the same whether or not the address belongs
/// to a user here, so it tells nothing about who uses this server; only existing members are refused.
/// </summary>
public static class InviteMember
{
    public static async Task<Outcome<InvitationDto>> RunAsync(AddMemberRequest request, OperationContext context, TimeSpan lifetime, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var (db, organizationId, now) = (context.Db, context.Tenant.OrganizationId, context.Now);
        var email = request.Email.Trim().ToLowerInvariant();
        if (await db.Memberships.AnyAsync(m => m.OrganizationId == organizationId && m.User.Email == email, ct))
            return MemberRules.AlreadyMember;
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.OrganizationId == organizationId && i.Email == email, ct);
        if (invitation is null)
            db.Invitations.Add(invitation = new Invitation { OrganizationId = organizationId, Email = email });
        invitation.Role = request.Role;
        invitation.Status = InvitationStatus.Pending;
        invitation.InvitedByUserId = context.Tenant.UserId;
        invitation.CreatedAt = now;
        invitation.ExpiresAt = now + lifetime;
        invitation.RespondedAt = null;
        var raced = Api.Conflict("This address was invited at the same moment; try again.");
        if (await context.SaveWithEntryAsync("member", "invited", () => invitation.Id, request, raced, ct) is { } conflict) return conflict;
        return await db.Invitations.AsNoTracking().Where(i => i.Id == invitation.Id).Select(InvitationDto.Projection).SingleAsync(ct);
    }
}
