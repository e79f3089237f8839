using System.Linq.Expressions;

namespace Podium.Server.Features.Members;

public sealed record InvitationOrganization(string Name, string DomainHandle);

/// <summary>
/// An invitation as its organization's admins and its invitee see it. Whether the address belongs to
/// a user of this server is not part of it: the answer is the same either way.
/// </summary>
public sealed record InvitationDto(
    int Id, InvitationOrganization Organization, string Email, Role Role, InvitationStatus Status, DateTime CreatedAt, DateTime ExpiresAt)
{
    public static readonly Expression<Func<Invitation, InvitationDto>> Projection = i => new InvitationDto(
        i.Id, new InvitationOrganization(i.Organization.Name, i.Organization.DomainHandle), i.Email, i.Role, i.Status, i.CreatedAt, i.ExpiresAt);
}
