using System.Net;
using Microsoft.Extensions.Options;
using Podium.Server.Outbound;

namespace Podium.Server.Tests.Outbound;

public sealed class AddressPolicyTests
{
    private static AddressPolicy Policy(bool allowPrivate) =>
        new(Options.Create(new OutboundOptions { AllowPrivateNetworks = allowPrivate }));

    [Theory]
    [InlineData("127.0.0.1", "loopback", null)]
    [InlineData("127.255.1.2", "loopback", null)]
    [InlineData("::1", "loopback", null)]
    [InlineData("::ffff:127.0.0.1", "loopback", null)]
    [InlineData("64:ff9b::7f00:1", "loopback", null)]
    [InlineData("2002:7f00:1::", "loopback", null)]
    [InlineData("10.1.2.3", "private", null)]
    [InlineData("172.16.0.1", "private", null)]
    [InlineData("172.31.255.255", "private", null)]
    [InlineData("192.168.1.10", "private", null)]
    [InlineData("::ffff:192.168.1.10", "private", null)]
    [InlineData("100.64.0.1", "shared", null)]
    [InlineData("fd00::1", "unique-local", null)]
    [InlineData("169.254.169.254", "link-local", "link-local")]
    [InlineData("fe80::1", "link-local", "link-local")]
    [InlineData("0.0.0.0", "unspecified", "unspecified")]
    [InlineData("::", "unspecified", "unspecified")]
    [InlineData("224.0.0.1", "multicast", "multicast")]
    [InlineData("ff02::1", "multicast", "multicast")]
    [InlineData("255.255.255.255", "reserved", "reserved")]
    [InlineData("8.8.8.8", null, null)]
    [InlineData("172.32.0.1", null, null)]
    [InlineData("100.128.0.1", null, null)]
    [InlineData("2606:4700:4700::1111", null, null)]
    public void Refusal_ByAddressKind(string address, string? byDefault, string? withPrivateAllowed)
    {
        Assert.Equal(byDefault, Policy(allowPrivate: false).Refusal(IPAddress.Parse(address)));
        Assert.Equal(withPrivateAllowed, Policy(allowPrivate: true).Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("http://localhost:8080/agent", "loopback")]
    [InlineData("http://api.localhost/", "loopback")]
    [InlineData("http://127.0.0.1/", "loopback")]
    [InlineData("http://2130706433/", "loopback")]
    [InlineData("http://0x7f.0.0.1/", "loopback")]
    [InlineData("http://[::1]:9000/", "loopback")]
    [InlineData("http://[::ffff:10.0.0.1]/", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("https://agent.example.com/calls", null)]
    [InlineData("https://93.184.215.14/calls", null)]
    public void RefusalOf_LiteralHosts_AreJudgedBeforeAnythingIsSent(string url, string? refused) =>
        Assert.Equal(refused, Policy(allowPrivate: false).RefusalOf(new Uri(url)));
}
