using System.Net;
using System.Net.Sockets;

namespace Podium.Server.Outbound;

/// <summary>A connection the address policy refused; its message is the reason an attempt or delivery shows.</summary>
public sealed class OutboundRefusedException(string message) : IOException(message);

/// <summary>
/// Opens the sockets of outbound HTTP clients. The host is resolved here and each address checked
/// before it is dialled, so the check applies to the address actually connected to: a name that
/// resolves (or re-resolves) to a private address gets no further than a literal one.
/// </summary>
public sealed class GuardedConnection(AddressPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => policy.Refusal(a) is null).ToArray();
        if (allowed.Length == 0)
        {
            var first = addresses.FirstOrDefault();
            throw new OutboundRefusedException(first is null
                ? $"{host} has no address."
                : $"{host} is {first} ({policy.Refusal(first)} address): Podium does not connect to such addresses on a tenant's behalf"
                    + (policy.AllowsPrivateNetworks ? "." : " unless Outbound:AllowPrivateNetworks is true."));
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
