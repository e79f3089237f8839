namespace Podium.Data.Entities;

/// <summary>
/// A bring-your-own SIP carrier: where a SIP-capable runtime (Twilio, LiveKit) sends the organization's
/// outbound calls, with the credentials the carrier asks for. The password is kept only as Data
/// Protection ciphertext and never leaves the server.
/// </summary>
public sealed class SipTrunk : ITenantOwned
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string Name { get; set; }

    /// <summary>The carrier's SIP host (a name or an address), without scheme or port.</summary>
    public required string Host { get; set; }

    /// <summary>udp, tcp or tls.</summary>
    public string Transport { get; set; } = "udp";

    /// <summary>Null for the transport's default port.</summary>
    public int? Port { get; set; }
    public string? AuthUsername { get; set; }
    public string? ProtectedPassword { get; set; }

    /// <summary>The carrier's source addresses, comma-separated, as the carrier documents them.</summary>
    public string AllowedIps { get; set; } = "";

    /// <summary>ISO 3166 region code of the carrier's numbers, e.g. US or IN.</summary>
    public string? Region { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}
