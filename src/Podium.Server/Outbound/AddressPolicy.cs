using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Podium.Server.Outbound;

/// <summary>
/// Which addresses a request made on a tenant's behalf may connect to. By default only public
/// unicast addresses: a tenant must not make the server read its own loopback services, the
/// private network behind it, or the cloud's metadata endpoint.
/// </summary>
public sealed class AddressPolicy(IOptions<OutboundOptions> options)
{
    private static readonly (IPNetwork Network, string Kind, bool Private)[] Ranges =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified", false),
        (IPNetwork.Parse("10.0.0.0/8"), "private", true),
        (IPNetwork.Parse("100.64.0.0/10"), "shared", true),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback", true),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local", false),
        (IPNetwork.Parse("172.16.0.0/12"), "private", true),
        (IPNetwork.Parse("192.0.0.0/24"), "reserved", false),
        (IPNetwork.Parse("192.0.2.0/24"), "reserved", false),
        (IPNetwork.Parse("192.168.0.0/16"), "private", true),
        (IPNetwork.Parse("198.18.0.0/15"), "reserved", false),
        (IPNetwork.Parse("198.51.100.0/24"), "reserved", false),
        (IPNetwork.Parse("203.0.113.0/24"), "reserved", false),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast", false),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved", false),
        (IPNetwork.Parse("::/128"), "unspecified", false),
        (IPNetwork.Parse("::1/128"), "loopback", true),
        (IPNetwork.Parse("100::/64"), "reserved", false),
        (IPNetwork.Parse("2001:db8::/32"), "reserved", false),
        (IPNetwork.Parse("fc00::/7"), "unique-local", true),
        (IPNetwork.Parse("fe80::/10"), "link-local", false),
        (IPNetwork.Parse("fec0::/10"), "site-local", true),
        (IPNetwork.Parse("ff00::/8"), "multicast", false),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly TimeSpan OwnAddressesLifetime = TimeSpan.FromMinutes(1);
    private (HashSet<IPAddress> Addresses, long ReadAt)? _own;

    public bool AllowsPrivateNetworks => options.Value.AllowPrivateNetworks;

    /// <summary>Why a connection to <paramref name="address"/> is refused (its kind, e.g. "loopback"), or null when it is allowed.</summary>
    public string? Refusal(IPAddress address)
    {
        address = Embedded(address);
        foreach (var (network, kind, isPrivate) in Ranges)
            if (network.Contains(address))
                return isPrivate && AllowsPrivateNetworks ? null : kind;
        return !AllowsPrivateNetworks && OwnAddresses().Contains(address) ? "this server's own" : null;
    }

    /// <summary>
    /// Why a URL is refused before anything is sent: its host is an address literal (or <c>localhost</c>)
    /// this policy refuses. A name is judged when it is resolved, at connection time.
    /// </summary>
    public string? RefusalOf(Uri url)
    {
        var host = url.IdnHost.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return Refusal(IPAddress.Loopback);
        return IPAddress.TryParse(host, out var literal) ? Refusal(literal) : null;
    }

    /// <summary>The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 address, so a v4 rule cannot be dodged in v6 form.</summary>
    private static IPAddress Embedded(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address;
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address)) return new IPAddress(bytes[12..16]);
        if (SixToFour.Contains(address)) return new IPAddress(bytes[2..6]);
        return address;
    }

    /// <summary>The addresses of this machine's interfaces, re-read once a minute.</summary>
    private HashSet<IPAddress> OwnAddresses()
    {
        var own = _own;
        if (own is { } known && TimeProvider.System.GetElapsedTime(known.ReadAt) < OwnAddressesLifetime) return known.Addresses;
        HashSet<IPAddress> addresses;
        try
        {
            addresses = [.. NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => Embedded(u.Address))];
        }
        catch (NetworkInformationException)
        {
            addresses = [];
        }
        _own = (addresses, TimeProvider.System.GetTimestamp());
        return addresses;
    }
}
