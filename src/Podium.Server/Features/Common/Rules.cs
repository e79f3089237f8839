using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Podium.Server.Features.Common;

/// <summary>Field rules used by more than one feature and by the admin commands.</summary>
public static partial class Rules
{
    private static readonly HashSet<string> PhoneRegions = PhoneNumberUtil.GetInstance().GetSupportedRegions();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9.-]{0,98}[a-z0-9])?$")]
    private static partial Regex DomainHandlePattern();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,62}[a-z0-9])$")]
    private static partial Regex AgentHandlePattern();

    public static void DomainHandle(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Required(field, value);
        else if (!DomainHandlePattern().IsMatch(value.Trim().ToLowerInvariant()))
            errors.Add(field, "Use 1-100 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.");
    }

    public static void AgentHandle(ValidationErrors errors, string field, string? value)
    {
        if (value is not null && !AgentHandlePattern().IsMatch(value))
            errors.Add(field, "Use 3-64 lowercase letters, digits and hyphens, starting and ending with a letter or digit.");
    }

    public static void PhoneRegion(ValidationErrors errors, string field, string? value)
    {
        if (value is not null && !PhoneRegions.Contains(value.ToUpperInvariant()))
            errors.Add(field, "Not a known ISO 3166 region code (e.g. US, GB, IN).");
    }

    public static void TimeZone(ValidationErrors errors, string field, string? value)
    {
        if (value is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(value, out _))
            errors.Add(field, "Not a known IANA time zone (e.g. UTC, Europe/London, Asia/Kolkata).");
    }

    public static void Email(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Required(field, value);
        else if (value.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(value.Trim(), out var address) || address.Address != value.Trim())
            errors.Add(field, "Enter a valid email address.");
    }

    public static void HttpUrl(ValidationErrors errors, string field, string? value) => ParseHttpUrl(errors, field, value);

    /// <summary>A URL Podium will call on the tenant's behalf: http(s), and not an address the outbound policy refuses.</summary>
    public static void OutboundUrl(ValidationErrors errors, string field, string? value)
    {
        if (ParseHttpUrl(errors, field, value) is { } uri && errors.Limits.Outbound.RefusalOf(uri) is { } kind)
            errors.Add(field, $"Podium does not call {kind} addresses on a tenant's behalf"
                + (errors.Limits.Outbound.AllowsPrivateNetworks ? "." : " (the operator can allow private networks with Outbound:AllowPrivateNetworks)."));
    }

    private static Uri? ParseHttpUrl(ValidationErrors errors, string field, string? value)
    {
        if (value is null) return null;
        if (value.Length <= 2000 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return uri;
        errors.Add(field, "Enter a valid http or https URL.");
        return null;
    }
}
