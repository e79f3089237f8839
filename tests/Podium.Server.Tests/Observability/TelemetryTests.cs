using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Observability;

/// <summary>
/// Meters and activity sources are process-wide by name, so two servers in one test process see
/// each other's engine work: these classes run alone, one after the other.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>The engine's counters move on /metrics when a run executes, and its work shows as traces.</summary>
[Collection(nameof(RunsAlone))]
public abstract partial class TelemetryTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    private async Task<Dictionary<string, double>> ScrapeAsync()
    {
        var response = await App.MetricsClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var totals = new Dictionary<string, double>();
        foreach (Match line in Sample().Matches(await response.Content.ReadAsStringAsync()))
        {
            var name = line.Groups["name"].Value;
            totals[name] = totals.GetValueOrDefault(name) + double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return totals;
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{[^}]*\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [Fact]
    public async Task Metrics_EngineCountersMove_WhenARunExecutes()
    {
        // Outcomes are drawn from random task ids: at 0.5, twelve tasks all completing happens once in 4,096 runs (at 0.3 it was once in 70).
        var (org, space, agent) = await SetUpAsync(new { simulation = new { latency_ms = 0, busy_rate = 0.5 }, retry = new { max_attempts = 1 } });
        var before = await ScrapeAsync();
        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(12) });
        var queued = await ScrapeAsync();
        Assert.True(queued.GetValueOrDefault("podium_engine_queue_depth") >= 12, $"queue depth {queued.GetValueOrDefault("podium_engine_queue_depth")}: {string.Join(", ", queued.Keys.Where(k => k.StartsWith("podium", StringComparison.Ordinal)))}");

        await App.RunEngineAsync();
        var after = await ScrapeAsync();
        double Moved(string name) => after.GetValueOrDefault(name) - before.GetValueOrDefault(name);
        Assert.Equal(12, Moved("podium_engine_tasks_claimed_total"));
        Assert.Equal(12, Moved("podium_engine_attempts_finished_total"));
        Assert.Equal(12, Moved("podium_engine_tasks_completed_total") + Moved("podium_engine_tasks_failed_total"));
        Assert.True(Moved("podium_engine_tasks_failed_total") > 0, $"no failed task among 12 (completed moved {Moved("podium_engine_tasks_completed_total")})");
        Assert.Equal(12, Moved("podium_engine_attempt_duration_seconds_count"));
    }

    [Fact]
    public async Task Metrics_NeedTheToken_AndNameNoTenantsHost()
    {
        await ApiAssert.Error(await App.Client().GetAsync("/metrics"), HttpStatusCode.Unauthorized, "Invalid token.");
        var wrong = App.Client();
        wrong.DefaultRequestHeaders.Add("Authorization", "Bearer not-the-token");
        await ApiAssert.Error(await wrong.GetAsync("/metrics"), HttpStatusCode.Unauthorized, "Invalid token.");

        // A call to a tenant's agent by name: the name and port must not reach the metrics.
        await using var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var (org, space, _) = await SetUpAsync();
        var created = await ApiAssert.Envelope(await org.Client(App, org.Admin).PostJson($"{Prefix}/agents/",
            new { name = "Hook", state = "published", runtime = new { type = "webhook", url } }), HttpStatusCode.Created);
        receiver.Secret = created["data"]!["webhook_secret"]!.GetValue<string>();
        await CreateRunAsync(org, space, new { pilot = created["data"]!["handle"]!.GetValue<string>(), documents = Contacts(1) });
        await App.RunEngineAsync();
        Assert.Single(receiver.Calls);

        var text = await (await App.MetricsClient().GetAsync("/metrics")).Content.ReadAsStringAsync();
        // The outgoing side (this test process also hosts the receiver's server, whose own Kestrel metrics name it).
        var outgoing = text.Split('\n').Where(l => l.StartsWith("http_client", StringComparison.Ordinal) || l.StartsWith("dns_", StringComparison.Ordinal)).ToList();
        Assert.Contains(outgoing, l => l.StartsWith("http_client_request_duration_seconds", StringComparison.Ordinal));
        Assert.All(outgoing, l =>
        {
            Assert.DoesNotContain("server_address", l, StringComparison.Ordinal);
            Assert.DoesNotContain("localhost", l, StringComparison.Ordinal);
            Assert.DoesNotContain(new Uri(receiver.Url).Port.ToString(CultureInfo.InvariantCulture), l, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Traces_CoverClaimExecuteAndTheDatabase()
    {
        var seen = new ConcurrentBag<(string Source, string Name, string? Run)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => seen.Add((a.Source.Name, a.OperationName, a.GetTagItem("podium.run_id") as string)),
        };
        ActivitySource.AddActivityListener(listener);

        var (org, space, agent) = await SetUpAsync();
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(2) });
        await App.RunEngineAsync();

        Assert.Contains(seen, s => s is ("Podium.Engine", "engine.claim", _));
        Assert.Equal(2, seen.Count(s => s.Source == "Podium.Engine" && s.Name == "engine.execute" && s.Run == runId));
        Assert.Contains(seen, s => s.Source.Contains("EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(seen, s => s.Source == "Microsoft.AspNetCore");
    }
}

public sealed class TelemetryTestsOnSqlite(EngineApp<Sqlite> app) : TelemetryTests<Sqlite>(app);

public sealed class TelemetryTestsOnPostgres(EngineApp<Postgres> app) : TelemetryTests<Postgres>(app);

/// <summary>At the default settings nobody can read /metrics.</summary>
public sealed class MetricsDefaultTests(PodiumApp<Sqlite> app) : IClassFixture<PodiumApp<Sqlite>>
{
    [Fact]
    public async Task Metrics_AreNotServed_UnlessAPortOrATokenIsSet() =>
        await ApiAssert.Error(await app.Client().GetAsync("/metrics"), HttpStatusCode.NotFound, "Not found.");
}

/// <summary>Log lines carry the trace id of the request they belong to.</summary>
public sealed class TraceIdLogTests(LoggedApp<Sqlite> app) : IClassFixture<LoggedApp<Sqlite>>
{
    [Fact]
    public async Task LogLines_CarryTheRequestsTraceId()
    {
        var org = await TestOrg.CreateAsync(app);
        var response = await org.Client(app, org.Viewer).GetAsync("/api/v2/platform/spaces/nope/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(app.Logs.Lines, l => l.Contains("TraceId:", StringComparison.Ordinal) && l.Contains("/api/v2/platform/spaces/nope/", StringComparison.Ordinal));
    }
}
