namespace Podium.Data.Entities;

/// <summary>
/// An organization's credentials for one telephony or voice provider. Secrets (auth token,
/// API key, API secret) are kept only as Data Protection ciphertext and never leave the server.
/// </summary>
public sealed class ProviderConfiguration : ITenantOwned
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string Name { get; set; }

    /// <summary>The catalogue slug: twilio, plivo, vonage, telnyx, vapi, livekit, daily, sip, retell or elevenlabs.</summary>
    public required string Provider { get; set; }

    /// <summary>The account identifier (Twilio's Account SID, Plivo's Auth ID); not a secret.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The secret credentials as one protected JSON object (auth_token, api_key, api_secret).</summary>
    public string? ProtectedSecrets { get; set; }

    /// <summary>Which secrets are stored, comma-separated names, so responses can say so without decrypting.</summary>
    public string SecretNames { get; set; } = "";
    public string? BaseUrl { get; set; }
    public string? SipUrl { get; set; }

    /// <summary>Extra provider settings as the old docs' <c>[{meta_key, meta_value}]</c> JSON.</summary>
    public string MetaJson { get; set; } = "[]";
    public bool Active { get; set; } = true;

    /// <summary>Most calls of this account in flight at once, across every server process; null for no limit.</summary>
    public int? MaxConcurrentCalls { get; set; }

    /// <summary>Most calls started per second with this account, across every server process; null for no limit.</summary>
    public double? CallsPerSecond { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}
