using System.Net;
using System.Text.Json.Serialization;
using Podium.Server.Engine;

namespace Podium.Server.Features.Telephony.Trunks;

/// <summary>
/// The fields both trunk bodies carry, a line each for: the carrier, its credentials, its transport,
/// and who may call in. Each body checks them its own way; <c>active</c>, which differs, comes last.
/// </summary>
public abstract record TrunkBody(
    string? Name = null, string? SipUrl = null,
    string? AuthUsername = null, string? AuthPassword = null,
    string? Transport = null, JsonNode? Port = null,
    IReadOnlyList<string>? SourceIps = null, string? AllowedIps = null, string? Region = null);

/// <summary>
/// The Unpod SDK's trunk body: <c>name</c>, <c>sip_url</c>, and optionally <c>auth_username</c>,
/// <c>auth_password</c> (write-only), <c>transport</c>, <c>port</c> (a string in the SDK, a number
/// accepted too) and <c>source_ips</c> (or <c>allowed_ips</c> as one comma-separated string).
/// </summary>
public sealed record CreateTrunkRequest([property: JsonPropertyOrder(1)] bool Active = true) : TrunkBody, IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required("name", Name);
        errors.MaxLength("name", Name, 200);
        errors.Required("sip_url", SipUrl);
        TrunkFields.Check(errors, SipUrl, AuthUsername, AuthPassword, Transport, Port, SourceIps, AllowedIps, Region);
    }
}

/// <summary>Fields left out keep their value; <c>auth_password</c> <c>""</c> removes the stored one.</summary>
public sealed record UpdateTrunkRequest([property: JsonPropertyOrder(1)] bool? Active = null) : TrunkBody, IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        if (Name is not null) errors.Required("name", Name);
        errors.MaxLength("name", Name, 200);
        TrunkFields.Check(errors, SipUrl, AuthUsername, AuthPassword, Transport, Port, SourceIps, AllowedIps, Region);
    }
}

/// <summary>Numbers of the organization's inventory, by id, with the bridge they should route through.</summary>
public sealed record TrunkNumbersRequest(IReadOnlyList<int>? NumberIds = null, string? BridgeSlug = null, string? Region = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        if (NumberIds is null or { Count: 0 }) errors.Add("number_ids", "At least one number id is required.");
        else if (NumberIds.Count > 1000) errors.Add("number_ids", "At most 1000 numbers per request.");
        errors.MaxLength("bridge_slug", BridgeSlug, 100);
        Rules.PhoneRegion(errors, "region", Region);
    }
}

internal static class TrunkFields
{
    public static void Check(ValidationErrors errors, string? sipUrl, string? username, string? password, string? transport, JsonNode? port,
        IReadOnlyList<string>? sourceIps, string? allowedIps, string? region)
    {
        if (sipUrl is not null && SipAddress.Parse(sipUrl) is null)
            errors.Add("sip_url", "Use a SIP address such as sip:sip.carrier.example or sips:sip.carrier.example:5061.");
        errors.MaxLength("auth_username", username, 200);
        errors.MaxLength("auth_password", password, 200);
        if (transport is not null && !SipAddress.Transports.Contains(transport.ToLowerInvariant()))
            errors.Add("transport", "Use udp, tcp or tls.");
        if (port is not null && Port(port) is null) errors.Add("port", "Use a port from 1 to 65535.");
        if (sourceIps is not null && allowedIps is not null) errors.Add("allowed_ips", "Send source_ips or allowed_ips, not both.");
        var ips = Ips(sourceIps, allowedIps) ?? [];
        if (ips.Count > 50) errors.Add("source_ips", "At most 50 addresses.");
        for (var i = 0; i < ips.Count; i++)
            if (!IsAddress(ips[i])) errors.Add(sourceIps is null ? "allowed_ips" : $"source_ips[{i}]", "Use an IPv4 or IPv6 address, or a CIDR range such as 203.0.113.0/24.");
        Rules.PhoneRegion(errors, "region", region);
    }

    /// <summary>The port as a number, from <c>"5060"</c> or <c>5060</c>; null when it is neither.</summary>
    public static int? Port(JsonNode? port) =>
        port is JsonValue value && (value.TryGetValue<int>(out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : value.TryGetValue<string>(out var text) ? text : null) is { } s
            && SipAddress.TryPort(s, out var parsed) ? parsed : null;

    public static List<string>? Ips(IReadOnlyList<string>? sourceIps, string? allowedIps) =>
        sourceIps?.Select(ip => ip?.Trim() ?? "").ToList()
        ?? allowedIps?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static bool IsAddress(string text)
    {
        var slash = text.IndexOf('/');
        var address = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(address, out var ip)) return false;
        if (slash < 0) return true;
        var max = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        return int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits) && bits <= max;
    }
}
