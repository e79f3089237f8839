using System.Net;
using Microsoft.AspNetCore.Hosting;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Http;

/// <summary>The server with small budgets: 10 requests a minute per user, 3 task creations, 5 per address without a key.</summary>
public sealed class LimitedApp : PodiumApp<Sqlite>
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("RateLimiting:PerUserPerMinute", "10");
        builder.UseSetting("RateLimiting:CreateTaskPerMinute", "3");
        builder.UseSetting("RateLimiting:PerIpPerMinute", "5");
    }
}

/// <summary>Budgets hold under a burst: the excess gets the contract's 429 with Retry-After, nothing else changes, other keys are unaffected.</summary>
public sealed class RateLimitTests(LimitedApp app) : IClassFixture<LimitedApp>
{
    private const string Prefix = "/api/v2/platform";

    [Fact]
    public async Task Burst_OnOneKey_ExcessIs429_OtherKeysUnaffected()
    {
        var org = await TestOrg.CreateAsync(app);
        var client = org.Client(app, org.Admin);
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GetAsync($"{Prefix}/spaces/")));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(20, refused.Count);
        foreach (var response in refused)
        {
            var seconds = int.Parse(response.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(seconds, 1, 60);
            await ApiAssert.Error(response, HttpStatusCode.TooManyRequests, $"Rate limit exceeded. Please try again in {seconds} seconds.");
            Assert.Equal("0", response.Headers.GetValues("X-RateLimit-Remaining").Single());
        }
        Assert.All(responses, r => Assert.Equal("10", r.Headers.GetValues("X-RateLimit-Limit").Single()));
        Assert.All(responses, r => Assert.InRange(int.Parse(r.Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture), 0, 60));

        // Another user of the same organization has a budget of their own.
        var other = org.Client(app, org.Member);
        var fine = await other.GetAsync($"{Prefix}/spaces/");
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Equal("9", fine.Headers.GetValues("X-RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task MoreKeys_BuyNoMoreRequests_TheBudgetIsTheUsers()
    {
        var org = await TestOrg.CreateAsync(app);
        var first = org.Client(app, org.Viewer);
        var created = await ApiAssert.Envelope(await first.PostJson($"{Prefix}/api-keys/", new { name = "second" }), HttpStatusCode.Created);
        var second = app.Client(created["data"]!["key"]!.GetValue<string>(), org.Handle);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            statuses.Add((await (i % 2 == 0 ? first : second).GetAsync($"{Prefix}/spaces/")).StatusCode);
        // The key creation spent one request of the ten.
        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task TaskCreation_HasATighterBudget()
    {
        var org = await TestOrg.CreateAsync(app);
        var admin = org.Client(app, org.Admin);
        var space = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", new { name = "S", content_type = "contact" }), HttpStatusCode.Created))["data"]!["token"]!.GetValue<string>();
        var agent = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "A", state = "published" }), HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();

        var member = org.Client(app, org.Member);
        var body = new { pilot = agent, documents = new[] { new { name = "Ada", contact_number = "+14155550100" } } };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await member.PostJson($"{Prefix}/spaces/{space}/tasks/create/", body);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.OK) Assert.Equal("3", response.Headers.GetValues("X-RateLimit-Limit").Single());
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // Reads still have the general budget.
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{Prefix}/spaces/{space}/runs/")).StatusCode);
    }

    [Fact]
    public async Task RequestsWithoutAValidKey_AreBudgetedPerAddress()
    {
        var anonymous = app.Client();
        var bad = app.Client("pdm_not-a-real-key", "demo");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await anonymous.GetAsync($"{Prefix}/spaces/")).StatusCode);
        for (var i = 0; i < 4; i++) statuses.Add((await bad.GetAsync($"{Prefix}/spaces/")).StatusCode);
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));

        // A valid key is not held back by guessing from the same address, and probes are never limited.
        var org = await TestOrg.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await org.Client(app, org.Viewer).GetAsync($"{Prefix}/spaces/")).StatusCode);
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
    }
}
