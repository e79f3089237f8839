namespace Podium.Server.Features.Organizations;

/// <summary>Both doc generations' organization fields, plus Podium's phone region and time zone.</summary>
public sealed record OrganizationDto(
    int Id,
    string Name,
    string Token,
    string Domain,
    string DomainHandle,
    bool IsPrivateDomain,
    Role Role,
    string DefaultPhoneRegion,
    string Timezone,
    DateTime CreatedAt)
{
    public static OrganizationDto From(Organization o, Role role) =>
        new(o.Id, o.Name, o.Token, o.Domain, o.DomainHandle, o.IsPrivateDomain, role, o.DefaultPhoneRegion, o.TimeZone, o.CreatedAt);
}
