using System.Net;

namespace Podium.Server.Engine;

/// <summary>
/// A carrier's SIP address as integrators write it (<c>sip:sip.carrier.com</c>, <c>sips:host:5061</c>,
/// <c>sip:host;transport=tcp</c> or a bare host) and as Podium writes it back.
/// </summary>
public sealed record SipAddress(string Host, int? Port, string? Transport)
{
    public static readonly string[] Transports = ["udp", "tcp", "tls"];

    public static SipAddress? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300) return null;
        var rest = text.Trim();
        string? transport = null;
        if (rest.StartsWith("sips:", StringComparison.OrdinalIgnoreCase)) (rest, transport) = (rest[5..], "tls");
        else if (rest.StartsWith("sip:", StringComparison.OrdinalIgnoreCase)) rest = rest[4..];
        var parameters = rest.Split(';');
        rest = parameters[0];
        foreach (var parameter in parameters.Skip(1))
            if (parameter.StartsWith("transport=", StringComparison.OrdinalIgnoreCase))
                transport = parameter[10..].ToLowerInvariant();
        if (transport is not null && !Transports.Contains(transport)) return null;
        // A user part (sip:trunk@host) names the account, not the host.
        if (rest.LastIndexOf('@') is var at and >= 0) rest = rest[(at + 1)..];

        int? port = null;
        var host = rest;
        if (rest.StartsWith('[') && rest.IndexOf(']') is var close and > 0)
        {
            host = rest[1..close];
            var tail = rest[(close + 1)..];
            if (tail.Length > 0 && !(tail.StartsWith(':') && TryPort(tail[1..], out port))) return null;
            return IPAddress.TryParse(host, out _) ? new SipAddress(host, port, transport) : null;
        }
        if (rest.Count(c => c == ':') == 1)
        {
            var colon = rest.IndexOf(':');
            host = rest[..colon];
            if (!TryPort(rest[(colon + 1)..], out port)) return null;
        }
        var kind = System.Uri.CheckHostName(host);
        return kind is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6 && host.Length <= 253
            ? new SipAddress(host.ToLowerInvariant(), port, transport)
            : null;
    }

    public static bool TryPort(string text, out int? port)
    {
        port = null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 65535) return false;
        port = value;
        return true;
    }

    /// <summary>The trunk's address as a SIP URI: <c>sip:host[:port][;transport=tcp|tls]</c>.</summary>
    public static string Format(string host, int? port, string transport) =>
        $"sip:{HostPort(host, port)}{(transport == "udp" ? "" : ";transport=" + transport)}";

    /// <summary>A number at the trunk, as Twilio dials a SIP address: <c>sip:+14155550100@host[:port];transport=...</c>.</summary>
    public static string Dial(string number, string host, int? port, string transport) => $"sip:{number}@{HostPort(host, port)};transport={transport}";

    /// <summary>An IPv6 host in brackets, then the port when there is one.</summary>
    private static string HostPort(string host, int? port) =>
        (host.Contains(':') ? $"[{host}]" : host) + (port is { } p ? ":" + p.ToString(CultureInfo.InvariantCulture) : "");
}
