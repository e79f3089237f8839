using System.Net;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;
using static Podium.Server.Tests.Infrastructure.ProcessSetup;

namespace Podium.Server.Tests.Providers;

/// <summary>The real executable killed with calls in flight at a provider: nothing is lost, and nobody is called twice for one attempt.</summary>
public abstract class ProviderCrashTests<TDb> where TDb : TestDatabase, new()
{
    private const string Prefix = "/api/v2/platform";
    private static readonly string[] FastEngine = ["--no-demo", "--Engine:LeaseDuration=00:00:03", "--Engine:PollInterval=00:00:00.100", "--Engine:DefaultSpaceConcurrency=400"];

    [Fact]
    public async Task KillDashNineWith200CallsInFlight_ThenRestart_EveryTaskEnds_AndNoAttemptIsPlacedTwice()
    {
        await using var database = await CreateDatabaseAsync<TDb>();
        using var folder = new TempFolder();
        await using var fake = (FakeVapi)await new FakeVapi().StartAsync();
        var setup = await SeedAsync(database, agentUrl: null);

        var first = ServerProcess.Start(database, folder.Path, FastEngine);
        var client = await ClientAsync(first, setup);
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
        await ApiAssert.Ok(await client.PatchJson($"{Prefix}/agents/{setup.Agent}/", new { max_concurrency = 300, runtime, retry = new { max_attempts = 1 } }), "Agent updated successfully");
        var runId = await CreateRunAsync(client, setup.Space, setup.Agent, 300);
        await Eventually.WaitAsync(() => fake.Placed.Count >= 200, "200 calls placed before the kill");
        await first.DisposeAsync(); // SIGKILL: placements in flight are cut wherever they were

        await using var second = ServerProcess.Start(database, folder.Path, FastEngine);
        client = await ClientAsync(second, setup);
        var events = new HttpClient { BaseAddress = client.BaseAddress };
        var delivered = new HashSet<string>();
        JsonNode run = new JsonObject();
        await Eventually.WaitAsync(async () =>
        {
            // The provider reports every call it placed, whichever process placed it.
            foreach (var call in fake.Placed.Where(c => !delivered.Contains(c.Id)).ToList())
            {
                var response = await events.SendAsync(fake.EndEvent(call, Ending.Completed, $"{Prefix}/telephony/events/vapi/{configId}/", DateTimeOffset.UtcNow));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                delivered.Add(call.Id);
            }
            run = (await ApiAssert.Envelope(await client.GetAsync($"{Prefix}/spaces/{setup.Space}/runs/{runId}/"), HttpStatusCode.OK))["data"]!;
            return run["status"]!.GetValue<string>() is "completed" or "partially_completed" or "failed";
        }, "the run to end after the restart");

        Assert.Empty(fake.Violations);
        Assert.Equal(0, run["in_progress_tasks"]!.GetValue<int>() + run["pending_tasks"]!.GetValue<int>());
        Assert.Equal(300, run["completed_tasks"]!.GetValue<int>() + run["failed_tasks"]!.GetValue<int>());
        // One created call per attempt at most: the call's name is Podium's idempotency key (task and attempt).
        var keys = fake.Placed.Select(c => c.Body["name"]!.GetValue<string>()).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.InRange(fake.Placed.Count, 200, 300);
        // A task is failed only when its placement was cut by the kill, and it says so.
        var failures = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var tasks = (await ApiAssert.Envelope(await client.GetAsync($"{Prefix}/spaces/{setup.Space}/runs/{runId}/tasks/?page={page}&page_size=100"), HttpStatusCode.OK))["data"]!.AsArray();
            failures.AddRange(tasks.Where(t => t!["status"]!.GetValue<string>() == "failed").Select(t => t!["last_failure_reason"]!.GetValue<string>()));
        }
        Assert.All(failures, f => Assert.Contains("rather than risk calling twice", f, StringComparison.Ordinal));
        Assert.Equal(run["failed_tasks"]!.GetValue<int>(), failures.Count);
    }
}

public sealed class ProviderCrashTestsOnSqlite : ProviderCrashTests<Sqlite>;

public sealed class ProviderCrashTestsOnPostgres : ProviderCrashTests<Postgres>;
