using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Podium.Server.Http;

/// <summary>
/// Behind a TLS-terminating proxy, under <c>ForwardedHeaders</c>: off by default, since a forwarded
/// header from anyone else would let a client choose its own address and scheme.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>Read <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> from the proxies below (loopback when none are named).</summary>
    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies whose forwarded headers count, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies, e.g. <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

public static class ProxySetup
{
    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection("ForwardedHeaders").Get<ProxyOptions>() ?? new ProxyOptions();
        services.AddSingleton(proxy);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (proxy.KnownProxies.Count == 0 && proxy.KnownNetworks.Count == 0) return;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>First in the pipeline, so the scheme (secure cookies, redirects) and the client address (rate limits) are the client's.</summary>
    public static IApplicationBuilder UseProxySupport(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<ProxyOptions>().Enabled ? app.UseForwardedHeaders() : app;
}
