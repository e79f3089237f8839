namespace Podium.Server.Features.Organizations;

public sealed record CreateOrganizationRequest(
    string Name,
    string DomainHandle,
    string? Domain = null,
    bool IsPrivateDomain = false,
    string? DefaultPhoneRegion = null,
    string? Timezone = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required("name", Name);
        errors.MaxLength("name", Name, 200);
        Rules.DomainHandle(errors, "domain_handle", DomainHandle);
        errors.MaxLength("domain", Domain, 253);
        Rules.PhoneRegion(errors, "default_phone_region", DefaultPhoneRegion);
        Rules.TimeZone(errors, "timezone", Timezone);
    }
}

/// <summary>Fields left out (or null) keep their value. The domain_handle cannot change: clients and keys depend on it.</summary>
public sealed record UpdateOrganizationRequest(
    string? Name = null,
    string? Domain = null,
    bool? IsPrivateDomain = null,
    string? DefaultPhoneRegion = null,
    string? Timezone = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        if (Name is not null) errors.Required("name", Name);
        errors.MaxLength("name", Name, 200);
        errors.MaxLength("domain", Domain, 253);
        Rules.PhoneRegion(errors, "default_phone_region", DefaultPhoneRegion);
        Rules.TimeZone(errors, "timezone", Timezone);
    }
}
