using System.Net;
using Podium.Data.Entities;
using Podium.Server.Engine;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Engine;

/// <summary>A deleted or archived agent places no more calls; what the engine runs is held to the operator's ceilings.</summary>
public abstract class RetiredAgentTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    [Theory]
    [InlineData("delete", "The agent was deleted; the task was not started.")]
    [InlineData("archive", "The agent was archived; the task was not started.")]
    public async Task QueuedTasksOfARetiredAgent_EndWithTheReason_AndAreNeverCalled(string how, string reason)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (org, space, _) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var agent = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/",
            new { name = "Hook", state = "published", runtime = new { type = "webhook", url = receiver.Url } }), HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();
        var later = App.Clock.GetUtcNow().AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(3), schedule = new { type = "at", at = later } });

        var retired = how == "delete"
            ? await admin.DeleteAsync($"{Prefix}/agents/{agent}/")
            : await admin.PatchJson($"{Prefix}/agents/{agent}/", new { state = "archived" });
        Assert.True(retired.IsSuccessStatusCode, await retired.Content.ReadAsStringAsync());
        await App.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Empty(receiver.Calls);
        Assert.Equal("failed", (await RunAsync(org, space, runId))["status"]!.GetValue<string>());
        Assert.All(await TasksAsync(org, space, runId), t =>
        {
            Assert.Equal("failed", t!["status"]!.GetValue<string>());
            Assert.Equal(reason, t["last_failure_reason"]!.GetValue<string>());
        });
    }

    [Theory]
    [InlineData("{\"name\": \"x\", \"max_concurrency\": 501}", "max_concurrency")]
    [InlineData("{\"name\": \"x\", \"simulation\": {\"latency_ms\": 60001}}", "simulation.latency_ms")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"webhook\", \"url\": \"https://agent.example.test/\", \"timeout_seconds\": 601}}", "runtime.timeout_seconds")]
    public async Task AgentSettingsAboveTheServersCeilings_Are400(string json, string field)
    {
        var (org, _, _) = await SetUpAsync();
        var body = await ApiAssert.Invalid(await org.Client(App, org.Admin).PostRaw($"{Prefix}/agents/", json), field);
        Assert.Contains("this server's ceiling", body["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASpaceConcurrencyAboveTheCeiling_Is400()
    {
        var (org, _, _) = await SetUpAsync();
        await ApiAssert.Invalid(await org.Client(App, org.Admin).PostJson($"{Prefix}/spaces/", new { name = "Big", max_concurrency = 501 }), "max_concurrency");
    }

    [Fact]
    public void SettingsFromBeforeACeilingWasLowered_AreHeldToIt()
    {
        var engine = new EngineOptions { MaxAgentConcurrency = 5, MaxAgentTimeoutSeconds = 20, MaxSimulatedLatencyMs = 1000 };
        var held = engine.HeldToCeilings(new AgentSettings { MaxConcurrency = 50, TimeoutSeconds = 600, Simulation = new SimulationSettings { LatencyMs = 600_000 } });
        Assert.Equal((5, 20, 1000), (held.MaxConcurrency, held.TimeoutSeconds, held.Simulation.LatencyMs));
        var small = engine.HeldToCeilings(new AgentSettings { MaxConcurrency = 2, TimeoutSeconds = 10 });
        Assert.Equal((2, 10, 300), (small.MaxConcurrency, small.TimeoutSeconds, small.Simulation.LatencyMs));
    }
}

public sealed class RetiredAgentTestsOnSqlite(EngineApp<Sqlite> app) : RetiredAgentTests<Sqlite>(app);

public sealed class RetiredAgentTestsOnPostgres(EngineApp<Postgres> app) : RetiredAgentTests<Postgres>(app);
