using System.Text.RegularExpressions;

namespace Podium.Server.Features.Telephony.Bridges;

/// <summary>The fields a bridge is created and updated with; each request adds its own checks.</summary>
public abstract partial record BridgeFields
{
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public string? Description { get; init; }
    public string? Region { get; init; }
    public IReadOnlyList<string>? Agents { get; init; }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex RegionPattern();

    /// <summary>The checks of every field that was sent but the slug, whichever request sent it.</summary>
    protected void CheckSent(ValidationErrors errors)
    {
        errors.MaxLength("name", Name, 200);
        errors.MaxLength("description", Description, 2000);
        if (!string.IsNullOrEmpty(Region) && !RegionPattern().IsMatch(Region))
            errors.Add("region", "Use a two-letter ISO 3166 region code in capitals, e.g. US or IN.");
        else if (!string.IsNullOrEmpty(Region)) Rules.PhoneRegion(errors, "region", Region);
        for (var i = 0; i < Agents?.Count; i++)
        {
            errors.Required($"agents[{i}]", Agents[i]);
            errors.MaxLength($"agents[{i}]", Agents[i], 64);
        }
    }

    protected void CheckSlug(ValidationErrors errors)
    {
        if (Slug is { } slug && (slug.Length is < 1 or > 100 || !SlugPattern().IsMatch(slug)))
            errors.Add("slug", "Use 1-100 lowercase letters, digits and single hyphens, e.g. sales-outbound-us.");
    }
}

/// <summary>
/// Both documented bodies: <c>name</c> + <c>slug</c>, or <c>name</c> + <c>description</c> + <c>region</c>
/// with a generated slug. <c>agents</c> (handles) are the agents that call through the bridge.
/// </summary>
public sealed record CreateBridgeRequest : BridgeFields, IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required("name", Name);
        CheckSlug(errors);
        CheckSent(errors);
    }
}

/// <summary>Fields left out keep their value; <c>agents</c> replaces the list. The slug is fixed.</summary>
public sealed record UpdateBridgeRequest : BridgeFields, IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        if (Name is not null) errors.Required("name", Name);
        CheckSent(errors);
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
