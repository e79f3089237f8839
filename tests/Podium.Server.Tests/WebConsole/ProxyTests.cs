using System.Net;
using Microsoft.AspNetCore.Hosting;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.WebConsole;

/// <summary>A server behind a TLS-terminating proxy on this machine (<c>ForwardedHeaders:Enabled</c>).</summary>
public sealed class ProxiedApp : PodiumApp<Sqlite>
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("ForwardedHeaders:Enabled", "true");
}

public sealed class ProxyTests(ProxiedApp proxied) : IClassFixture<ProxiedApp>
{
    [Fact]
    public async Task BehindAConfiguredProxy_TheSessionCookieIsSecure_AndRedirectsStayOnTheSite()
    {
        var org = await TestOrg.CreateAsync(proxied);
        using var browser = new ConsoleUser(proxied.Client().BaseAddress!);
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", "podium.example.com");
        var signIn = await browser.SignInAsync(org.Admin.Key);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var location = signIn.Headers.Location!;
        Assert.True(!location.IsAbsoluteUri || location.Host == "podium.example.com", $"redirected to {location}");
        Assert.Contains(SessionCookies(signIn), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WithoutAConfiguredProxy_ForwardedHeadersAreIgnored()
    {
        await using var direct = new PodiumApp<Sqlite>();
        await direct.InitializeAsync();
        var org = await TestOrg.CreateAsync(direct);
        using var browser = new ConsoleUser(direct.Client().BaseAddress!);
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var signIn = await browser.SignInAsync(org.Admin.Key);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain(SessionCookies(signIn), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> SessionCookies(HttpResponseMessage response) =>
        [.. response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Where(c => c.StartsWith(Podium.Server.WebConsole.ConsoleAuth.CookieName + "=", StringComparison.Ordinal)) : []];
}
