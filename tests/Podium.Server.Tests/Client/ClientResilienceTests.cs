using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Podium.Client;

namespace Podium.Server.Tests.Client;

/// <summary>
/// Retries and errors over real HTTP, against a stub that answers what the real server will not on demand
/// (a 503, a proxy's HTML page): 429 is retried after Retry-After; 5xx only where repeating is safe.
/// </summary>
public sealed class ClientResilienceTests : IAsyncLifetime
{
    private StubServer _stub = null!;

    public async ValueTask InitializeAsync() => _stub = await StubServer.StartAsync();

    public async ValueTask DisposeAsync() => await _stub.DisposeAsync();

    private PodiumClient Client(int retries = 3) => PodiumClient.Create(new PodiumClientOptions
    {
        BaseUrl = _stub.BaseUrl,
        ApiKey = "pk_test",
        OrgHandle = "acme",
        MaxRetries = retries,
        RetryDelay = TimeSpan.FromMilliseconds(50),
    });

    private static Refusal Status(int code, int? retryAfter = null) => new(code, retryAfter);

    private static JsonObject Run() => new() { ["run_id"] = "run_1", ["task_ids"] = new JsonArray("t1"), ["status"] = "pending" };

    [Fact]
    public async Task A429_IsRetried_AfterTheServersRetryAfter()
    {
        _stub.Respond = (_, n) => n == 1 ? Status(429, retryAfter: 1) : StubServer.Ok(new JsonArray());
        using var client = Client();

        var page = await client.Spaces.ListAsync();

        Assert.Empty(page.Items);
        var seen = _stub.Requests.ToList();
        Assert.Equal(2, seen.Count);
        Assert.True(seen[1].At - seen[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(seen[1].At - seen[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task TaskCreation_IsRetriedOn5xx_WithTheSameIdempotencyKey()
    {
        _stub.Respond = (_, n) => n == 1 ? Status(503) : StubServer.Ok(Run());
        using var client = Client();

        var run = await client.Tasks.CreateAsync("space1", new CreateTaskRequest { Pilot = "agent", Documents = [new() { ["contact_number"] = "+14155550100" }] });

        Assert.Equal("run_1", run.RunId);
        var keys = _stub.Requests.Select(r => r.Headers["Idempotency-Key"]).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Single(keys.Distinct());
    }

    [Fact]
    public async Task AGivenIdempotencyKey_IsSentAsGiven()
    {
        _stub.Respond = (_, _) => StubServer.Ok(Run());
        using var client = Client();
        await client.Tasks.CreateAsync("space1", new CreateTaskRequest { Pilot = "agent", Filters = new JsonObject { ["labels"] = new JsonArray("vip") } }, idempotencyKey: "order-42");
        Assert.Equal("order-42", Assert.Single(_stub.Requests).Headers["Idempotency-Key"]);
    }

    [Fact]
    public async Task OtherCreations_AreNotRepeatedOn5xx()
    {
        _stub.Respond = (_, _) => Status(503);
        using var client = Client();

        var error = await Assert.ThrowsAsync<PodiumApiException>(() => client.Spaces.CreateAsync(new CreateSpaceRequest { Name = "Once" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task ReadsAreRetriedOn5xx_UpToTheLimit()
    {
        _stub.Respond = (_, _) => Status(502);
        using var client = Client(retries: 2);
        var error = await Assert.ThrowsAsync<PodiumApiException>(() => client.Spaces.GetAsync("space1"));
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(3, _stub.Requests.Count);
    }

    [Fact]
    public async Task APersistent429_EndsInARateLimitException_CarryingRetryAfter()
    {
        _stub.Respond = (_, _) => Status(429, retryAfter: 0);
        using var client = Client(retries: 1);
        var error = await Assert.ThrowsAsync<PodiumRateLimitException>(() => client.Runs.GetAsync("space1", "run_1"));
        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
        Assert.Equal("Too many requests.", error.Message);
        Assert.Equal(2, _stub.Requests.Count);
    }

    [Fact]
    public async Task ACsvUpload_IsNeverRepeated_EvenOn429()
    {
        _stub.Respond = (_, _) => Status(429, retryAfter: 0);
        using var client = Client();
        using var csv = new MemoryStream("name,contact_number\nA,+14155550100\n"u8.ToArray());
        await Assert.ThrowsAsync<PodiumRateLimitException>(() => client.Documents.ImportCsvAsync("space1", csv));
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task Refusals_BecomeTypedExceptions_WithTheServersMessageAndFieldErrors()
    {
        using var client = Client(retries: 0);
        _stub.Respond = (_, _) => Results.Json(new { status_code = 400, message = "Validation failed.", errors = new Dictionary<string, string[]> { ["pilot"] = ["This field is required."] }, request_id = "req-9" }, statusCode: 400);
        var invalid = await Assert.ThrowsAsync<PodiumValidationException>(() => client.Tasks.CreateAsync("s", new CreateTaskRequest { Pilot = "" }));
        Assert.Equal("Validation failed.", invalid.Message);
        Assert.Equal(["This field is required."], invalid.Errors["pilot"]);
        Assert.Equal("req-9", invalid.RequestId);

        foreach (var (code, type) in new[] { (401, typeof(PodiumAuthenticationException)), (403, typeof(PodiumPermissionException)), (404, typeof(PodiumNotFoundException)), (409, typeof(PodiumConflictException)) })
        {
            _stub.Respond = (_, _) => Results.Json(new { status_code = code, message = $"m{code}" }, statusCode: code);
            var error = await Assert.ThrowsAnyAsync<PodiumApiException>(() => client.Agents.GetAsync("a"));
            Assert.IsType(type, error);
            Assert.Equal($"m{code}", error.Message);
            Assert.Equal((HttpStatusCode)code, error.StatusCode);
        }

        // A proxy's page rather than the API's envelope: the status line is the message.
        _stub.Respond = (_, _) => Results.Content("<html>bad gateway</html>", "text/html", statusCode: 502);
        var proxy = await Assert.ThrowsAsync<PodiumApiException>(() => client.Agents.GetAsync("a"));
        Assert.Equal("502 Bad Gateway", proxy.Message);
    }

    [Fact]
    public async Task DependencyInjection_BindsOptionsFromConfiguration_AndSendsTheHeaders()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Podium:BaseUrl"] = _stub.BaseUrl.ToString(),
            ["Podium:ApiKey"] = "pk_from_config",
            ["Podium:OrgHandle"] = "from-config",
        }).Build();
        var services = new ServiceCollection();
        services.AddPodiumClient(configuration.GetSection("Podium"));
        await using var provider = services.BuildServiceProvider();
        _stub.Respond = (_, _) => StubServer.Ok(new JsonArray());

        var client = provider.GetRequiredService<PodiumClient>();
        await client.Spaces.ListAsync();
        await client.ForOrganization("other").Spaces.ListAsync();

        var seen = _stub.Requests.ToList();
        Assert.Equal("Token pk_from_config", seen[0].Headers["Authorization"]);
        Assert.Equal("from-config", seen[0].Headers["Org-Handle"]);
        Assert.Equal("other", seen[1].Headers["Org-Handle"]);
        Assert.Equal("/api/v2/platform/spaces/", seen[0].Path);
        Assert.Equal("?page=1&page_size=100", seen[0].Query);
    }

    [Fact]
    public void MissingOptions_AreReportedWhenTheClientIsMade()
    {
        Assert.Throws<InvalidOperationException>(() => PodiumClient.Create(new PodiumClientOptions { ApiKey = "k" }));
        Assert.Throws<InvalidOperationException>(() => PodiumClient.Create(new PodiumClientOptions { BaseUrl = new Uri("http://127.0.0.1:1") }));
    }

    /// <summary>An error in the contract's envelope, with Retry-After when given.</summary>
    private sealed class Refusal(int code, int? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            if (retryAfter is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { status_code = code, message = code == 429 ? "Too many requests." : "Unavailable." }, statusCode: code).ExecuteAsync(context);
        }
    }
}
