using System.Text.RegularExpressions;

namespace Podium.Server.Features.Telephony.Bridges;

/// <summary>
/// Both documented bodies: <c>name</c> + <c>slug</c>, or <c>name</c> + <c>description</c> + <c>region</c>
/// with a generated slug. <c>agents</c> (handles) are the agents that call through the bridge.
/// </summary>
public sealed record CreateBridgeRequest(
    string? Name = null,
    string? Slug = null,
    string? Description = null,
    string? Region = null,
    IReadOnlyList<string>? Agents = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required("name", Name);
        errors.MaxLength("name", Name, 200);
        if (Slug is not null) BridgeFields.Slug(errors, Slug);
        BridgeFields.Common(errors, Description, Region, Agents);
    }
}

/// <summary>Fields left out keep their value; <c>agents</c> replaces the list. The slug is fixed.</summary>
public sealed record UpdateBridgeRequest(
    string? Name = null,
    string? Slug = null,
    string? Description = null,
    string? Region = null,
    IReadOnlyList<string>? Agents = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        if (Name is not null) errors.Required("name", Name);
        errors.MaxLength("name", Name, 200);
        BridgeFields.Common(errors, Description, Region, Agents);
    }
}

/// <summary>
/// The documented body (<c>provider_config_id</c> + <c>phone_number</c>) or the original backend's
/// (<c>number_id</c> + <c>provider_credential_id</c>).
/// </summary>
public sealed record ConnectProviderRequest(
    int? ProviderConfigId = null,
    string? PhoneNumber = null,
    int? NumberId = null,
    int? ProviderCredentialId = null) : IValidatable
{
    public int? ConfigurationId => ProviderConfigId ?? ProviderCredentialId;

    public void Validate(ValidationErrors errors)
    {
        if (ProviderConfigId is not null && ProviderCredentialId is not null && ProviderConfigId != ProviderCredentialId)
            errors.Add("provider_config_id", "provider_config_id and provider_credential_id name different configurations.");
        errors.MaxLength("phone_number", PhoneNumber, 32);
        if (NumberId is null)
        {
            errors.Required("phone_number", PhoneNumber);
            if (ConfigurationId is null) errors.Add("provider_config_id", "This field is required.");
        }
        else if (PhoneNumber is not null)
            errors.Add("number_id", "Send phone_number or number_id, not both.");
    }
}

/// <summary>The documented <c>phone_number</c>, or the original backend's <c>number_id</c>.</summary>
public sealed record DisconnectProviderRequest(string? PhoneNumber = null, int? NumberId = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.MaxLength("phone_number", PhoneNumber, 32);
        if (NumberId is null) errors.Required("phone_number", PhoneNumber);
        else if (PhoneNumber is not null) errors.Add("number_id", "Send phone_number or number_id, not both.");
    }
}

internal static partial class BridgeFields
{
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex RegionPattern();

    public static void Slug(ValidationErrors errors, string slug)
    {
        if (slug.Length is < 1 or > 100 || !SlugPattern().IsMatch(slug))
            errors.Add("slug", "Use 1-100 lowercase letters, digits and single hyphens, e.g. sales-outbound-us.");
    }

    public static void Common(ValidationErrors errors, string? description, string? region, IReadOnlyList<string>? agents)
    {
        errors.MaxLength("description", description, 2000);
        if (!string.IsNullOrEmpty(region) && !RegionPattern().IsMatch(region))
            errors.Add("region", "Use a two-letter ISO 3166 region code in capitals, e.g. US or IN.");
        else if (!string.IsNullOrEmpty(region)) Rules.PhoneRegion(errors, "region", region);
        for (var i = 0; i < agents?.Count; i++)
        {
            errors.Required($"agents[{i}]", agents[i]);
            errors.MaxLength($"agents[{i}]", agents[i], 64);
        }
    }
}
