namespace Podium.Server.Outbound;

/// <summary>What Podium may call on a tenant's behalf, under <c>Outbound</c>.</summary>
public sealed class OutboundOptions
{
    /// <summary>
    /// Let agent and event-webhook URLs reach loopback, private (RFC 1918), shared (100.64/10) and
    /// unique-local addresses, and this server's own: for agents on the operator's own network, and
    /// for tests. Link-local (cloud metadata), multicast and unspecified addresses stay refused.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
