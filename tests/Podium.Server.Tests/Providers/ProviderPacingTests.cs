using System.Net;
using Microsoft.EntityFrameworkCore;
using Podium.Server.Tests.Infrastructure;
using static Podium.Server.Tests.Infrastructure.ProcessSetup;

namespace Podium.Server.Tests.Providers;

/// <summary>
/// Two server processes on one PostgreSQL hold a provider account's limits together. The fake times what
/// it receives, so this runs alone: in a test process busy with parallel tests its server can stall for
/// seconds and then take the calls that queued meanwhile all at once.
/// </summary>
[Collection(nameof(Observability.RunsAlone))]
public sealed class ProviderPacingTests
{
    private const string Prefix = "/api/v2/platform";
    private const int MostAtOnce = 6;
    private const int PerSecond = 2;
    private static readonly string[] FastEngine = ["--no-demo", "--Engine:LeaseDuration=00:00:03", "--Engine:PollInterval=00:00:00.050", "--Engine:MaxConcurrentTasks=4"];

    [Fact]
    public async Task TwoNodes_NeverExceedTheAccountsCallsPerSecond_OrItsCallsInFlight()
    {
        await using var database = await CreateDatabaseAsync<Postgres>();
        using var folder = new TempFolder();
        await using var fake = (FakeVapi)await new FakeVapi().StartAsync();
        var setup = await SeedAsync(database, agentUrl: null);
        await using var a = ServerProcess.Start(database, folder.Path, [.. FastEngine, "--Engine:NodeId=node-a"]);
        await using var b = ServerProcess.Start(database, folder.Path, [.. FastEngine, "--Engine:NodeId=node-b"]);
        var client = await ClientAsync(a, setup);
        await ClientAsync(b, setup);
        var config = await ApiAssert.Envelope(await client.PostJson($"{Prefix}/telephony/providers-configurations/", new
        {
            provider = "vapi",
            name = "Vapi",
            api_key = FakeProvider.ApiKey,
            webhook_secret = FakeProvider.WebhookSecret,
            base_url = fake.BaseUrl,
        }), HttpStatusCode.Created);
        var configId = config["data"]!["id"]!.GetValue<int>();
        var runtime = fake.RuntimeSettings;
        runtime["type"] = "vapi";
        runtime["provider_config_id"] = configId;
        await ApiAssert.Ok(await client.PatchJson($"{Prefix}/agents/{setup.Agent}/", new { max_concurrency = 50, runtime, retry = new { max_attempts = 1 } }), "Agent updated successfully");
        var events = new[] { client.BaseAddress!, new Uri(await b.ListeningAsync()) }.Select(u => new HttpClient { BaseAddress = u }).ToArray();
        var ended = 0;

        // The provider ends each call a little after it started, in order; events go to either node.
        async Task<bool> EndCallsUntilDoneAsync(string runId)
        {
            var placed = fake.Placed.ToList();
            if (ended < placed.Count && DateTime.UtcNow - placed[ended].At > TimeSpan.FromMilliseconds(300))
            {
                // For the provider the call is over when it reports the end, before Podium has heard.
                fake.Released();
                var response = await events[ended % 2].SendAsync(fake.EndEvent(placed[ended], Ending.Completed, $"{Prefix}/telephony/events/vapi/{configId}/", DateTimeOffset.UtcNow));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                ended++;
            }
            var run = (await ApiAssert.Envelope(await client.GetAsync($"{Prefix}/spaces/{setup.Space}/runs/{runId}/"), HttpStatusCode.OK))["data"]!;
            return run["status"]!.GetValue<string>() == "completed";
        }

        // A first, unlimited run warms both processes' call path: a cold process compiles it on its first
        // call, and calls booked for the following second would leave together once it is ready.
        var warmUp = await CreateRunAsync(client, setup.Space, setup.Agent, 12);
        await Eventually.WaitAsync(() => EndCallsUntilDoneAsync(warmUp), "the warm-up run to complete");
        var warm = fake.Placed.Count;
        await ApiAssert.Ok(await client.PatchJson($"{Prefix}/telephony/providers-configurations/{configId}/", new { max_concurrent_calls = MostAtOnce, calls_per_second = PerSecond }),
            "Provider configuration updated successfully.");
        fake.ResetMostInFlight();

        var runId = await CreateRunAsync(client, setup.Space, setup.Agent, 40);
        await Eventually.WaitAsync(() => EndCallsUntilDoneAsync(runId), "the run to complete");

        Assert.Empty(fake.Violations);
        Assert.Equal(warm + 40, fake.Placed.Count);
        Assert.InRange(fake.MostInFlight, 1, MostAtOnce);
        var times = fake.Placed.Skip(warm).Select(c => c.At).Order().ToList();
        // Podium books the dial times: consecutive ones are at least 1/rate apart, whichever process booked them.
        await using var db = Open(database);
        var booked = (await db.TaskAttempts.IgnoreQueryFilters().OrderBy(t => t.StartedAt).Select(t => t.StartedAt).ToListAsync()).Skip(warm).ToList();
        Assert.All(booked.Zip(booked.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1.0 / PerSecond), $"dial times {pair.First:O} and {pair.Second:O}"));
        // At the provider, allowing 150 ms for a request that leaves or is read late on a busy machine.
        var busiestSecond = times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < TimeSpan.FromMilliseconds(850)).Count()).Max();
        Assert.True(busiestSecond <= PerSecond, $"{busiestSecond} calls in one second; created at +{string.Join(", ", times.Select(t => (t - times[0]).TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} ms");
        var nodes = await db.TaskAttempts.IgnoreQueryFilters().Select(t => t.Node).Distinct().ToListAsync();
        Assert.True(nodes.Count == 2, $"calls were placed by {string.Join(", ", nodes)} only");
    }
}
