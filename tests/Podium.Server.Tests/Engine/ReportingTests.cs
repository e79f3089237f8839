using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Engine;

/// <summary>Call logs, analytics and billing are three views of the same calls; after a run they must agree with each other and with the tasks.</summary>
public abstract class ReportingTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    private static async Task<List<JsonNode>> AllPagesAsync(HttpClient client, string url, string message)
    {
        var items = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var body = await ApiAssert.Ok(await client.GetAsync($"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page={page}&page_size=500"), message);
            var data = body["data"]!.AsArray();
            items.AddRange(data.Select(d => d!));
            if (items.Count >= body["count"]!.GetValue<int>() || data.Count == 0) return items;
        }
    }

    private static decimal Money(JsonNode? node) => decimal.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task AThousandCalls_CallLogsAnalyticsAndInvoiceAgree()
    {
        await App.NextMondayAsync();
        var (org, space, agent) = await SetUpAsync(new
        {
            max_concurrency = 250,
            simulation = new { latency_ms = 0, busy_rate = 0.1, no_answer_rate = 0.1, fail_rate = 0.05 },
            retry = new { max_attempts = 2, backoff_seconds = 60 },
        });
        var admin = org.Client(App, org.Admin);
        var provider = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/providers-configurations/",
            new { provider = "twilio", account_sid = "ACrep", auth_token = "t" }), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
        var bridge = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/bridges/", new { name = "Out", slug = "out", agents = new[] { agent } }), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
        await ApiAssert.Ok(await admin.PostJson($"{Prefix}/telephony/bridges/out/connect-provider/", new { provider_config_id = provider, phone_number = "+14155550000" }), "Provider connected to bridge successfully.");

        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1000) });
        await App.RunEngineAsync();
        await App.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(0, (await RunAsync(org, space, runId))["pending_tasks"]!.GetValue<int>());

        var viewer = org.Client(App, org.Viewer);
        var tasks = await AllPagesAsync(viewer, $"{Prefix}/spaces/{space}/runs/{runId}/tasks/", "Tasks Fetched Successfully");
        var logs = await AllPagesAsync(viewer, $"{Prefix}/call-logs/", "Call logs fetched successfully");
        var analytics = (await ApiAssert.Ok(await viewer.GetAsync($"{Prefix}/organisation/analytics/?space_token={space}"), "Analytics fetched successfully"))["data"]!;
        var invoices = (await ApiAssert.Ok(await viewer.GetAsync($"{Prefix}/organisation/billing/"), "Billing data fetched successfully"))["data"]!.AsArray();

        Assert.Equal(1000, tasks.Count);
        var completed = tasks.Where(t => t["status"]!.GetValue<string>() == "completed").ToList();
        var failed = tasks.Where(t => t["status"]!.GetValue<string>() == "failed").ToList();
        Assert.Equal(1000, completed.Count + failed.Count);
        Assert.NotEmpty(failed);
        var attempts = tasks.Sum(t => t["failure_count"]!.GetValue<int>()) + completed.Count;
        var taskCost = tasks.Sum(t => t["cost"]!.GetValue<decimal>());
        var taskSeconds = completed.Sum(t => t["output"]!["duration"]!.GetValue<int>());

        // Call logs: one row per attempt, the completed ones carry the tasks' durations and costs.
        Assert.Equal(attempts, logs.Count);
        Assert.Equal(attempts, logs.Select(l => l["id"]!.GetValue<string>()).Distinct().Count());
        var answered = logs.Where(l => l["call_status"]!.GetValue<string>() == "completed").ToList();
        Assert.Equal(completed.Count, answered.Count);
        Assert.Equal(taskSeconds, logs.Sum(l => l["call_duration"]!.GetValue<int>()));
        Assert.Equal(taskCost, logs.Sum(l => l["cost"]!.GetValue<decimal>()));
        Assert.All(logs, l => Assert.Equal("+14155550000", l["source_number"]!.GetValue<string>()));
        Assert.All(logs, l => Assert.Equal(bridge, l["bridge"]!.GetValue<int>()));
        Assert.All(logs, l => Assert.Equal("outbound", l["call_type"]!.GetValue<string>()));
        Assert.All(logs.Except(answered), l => Assert.Null(l["start_time"]));
        Assert.All(answered, l => Assert.Equal(
            DateTime.Parse(l["end_time"]!.GetValue<string>(), CultureInfo.InvariantCulture) - DateTime.Parse(l["start_time"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(l["call_duration"]!.GetValue<int>())));
        var missed = await ApiAssert.Ok(await viewer.GetAsync($"{Prefix}/call-logs/?call_status=missed&page_size=1"), "Call logs fetched successfully");
        Assert.Equal(logs.Count(l => l["call_status"]!.GetValue<string>() == "missed"), missed["count"]!.GetValue<int>());

        // Analytics: the same calls, the same tasks.
        Assert.Equal(attempts, analytics["total_calls"]!.GetValue<int>());
        Assert.Equal(answered.Count, analytics["completed_calls"]!.GetValue<int>());
        Assert.Equal(attempts - answered.Count, analytics["failed_calls"]!.GetValue<int>());
        Assert.Equal(Math.Round((decimal)taskSeconds / answered.Count, 2), analytics["avg_duration_seconds"]!.GetValue<decimal>());
        Assert.Equal(1000, analytics["total_tasks"]!.GetValue<int>());
        Assert.Equal(completed.Count, analytics["task_status_breakdown"]!["completed"]!.GetValue<int>());
        Assert.Equal(failed.Count, analytics["task_status_breakdown"]!["failed"]!.GetValue<int>());
        Assert.Equal(completed.Count, analytics["call_status"]!["completed"]!.GetValue<int>());
        Assert.Equal(Math.Round(100m * completed.Count / 1000, 2), analytics["call_status"]!["success_rate"]!.GetValue<decimal>());
        string Disposition(JsonNode t) => t["output"]!["post_call_data"]!["outcome"]!.GetValue<string>();
        Assert.Equal(completed.Count(t => Disposition(t) == "interested"), analytics["call_analytics"]!["interested"]!.GetValue<int>());
        Assert.Equal(completed.Count(t => Disposition(t) == "call_back"), analytics["call_analytics"]!["call_back"]!.GetValue<int>());
        Assert.Equal(completed.Count(t => Disposition(t) == "not_interested"), analytics["call_analytics"]!["not_interested"]!.GetValue<int>());
        Assert.Equal(failed.Count, analytics["call_analytics"]!["not_connected"]!.GetValue<int>() + analytics["call_analytics"]!["failed"]!.GetValue<int>());
        var scores = completed.Select(t => t["output"]!["post_call_data"]!["success_score"]!.GetValue<int>()).ToList();
        Assert.Equal(Math.Round((decimal)scores.Average(), 2), analytics["call_analytics"]!["avg_success_score"]!.GetValue<decimal>());
        Assert.Equal(Math.Round(taskCost, 2, MidpointRounding.AwayFromZero), Money(analytics["total_cost"]));

        // Billing: the month's invoice is the tasks' cost.
        Assert.Equal(Math.Round(taskCost, 2, MidpointRounding.AwayFromZero), invoices.Sum(i => Money(i!["amount"])));
        Assert.Equal(attempts, invoices.Sum(i => i!["calls"]!.GetValue<int>()));
        Assert.Equal(taskSeconds, invoices.Sum(i => i!["call_seconds"]!.GetValue<long>()));
        Assert.Equal("pending", invoices[0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task WebhookAgent_OnABridge_IsToldWhichNumberToCallFrom()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (org, space, _) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var created = await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/",
            new { name = "Hook", state = "published", runtime = new { type = "webhook", url = receiver.Url } }), HttpStatusCode.Created);
        receiver.Secret = created["data"]!["webhook_secret"]!.GetValue<string>();
        var agent = created["data"]!["handle"]!.GetValue<string>();
        var provider = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/providers-configurations/",
            new { provider = "plivo", account_sid = "MAhook", auth_token = "t" }), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
        await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/bridges/", new { name = "Hook", slug = "hook", agents = new[] { agent } }), HttpStatusCode.Created);
        await ApiAssert.Ok(await admin.PostJson($"{Prefix}/telephony/bridges/hook/connect-provider/", new { provider_config_id = provider, phone_number = "+442071838750" }), "Provider connected to bridge successfully.");

        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(3) });
        await App.RunEngineAsync();

        Assert.Equal(3, receiver.Calls.Count);
        Assert.All(receiver.Calls, c => Assert.Equal("+442071838750", c.Body["from_number"]!.GetValue<string>()));
        var logs = await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/call-logs/"), "Call logs fetched successfully");
        Assert.Equal(receiver.Calls.Select(c => c.Body["call_id"]!.GetValue<string>()).Order(StringComparer.Ordinal),
            logs["data"]!.AsArray().Select(l => l!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("start_date=yesterday", "start_date")]
    [InlineData("end_date=2026-13-01", "end_date")]
    [InlineData("start_date=2026-12-02&end_date=2026-12-01", "end_date")]
    [InlineData("call_status=busy", "call_status")]
    [InlineData("call_type=sideways", "call_type")]
    public async Task CallLogs_BadFilters_Are400(string query, string field)
    {
        var (org, _, _) = await SetUpAsync();
        await ApiAssert.Invalid(await org.Client(App, org.Viewer).GetAsync($"{Prefix}/call-logs/?{query}"), field);
    }

    [Fact]
    public async Task CallLogs_DateFilters_BoundWhenTheCallWasPlaced()
    {
        var monday = await App.NextMondayAsync();
        var (org, space, agent) = await SetUpAsync();
        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(2) });
        await App.RunEngineAsync();
        await App.AdvanceAsync(TimeSpan.FromDays(1));
        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(3) });
        await App.RunEngineAsync();
        var viewer = org.Client(App, org.Viewer);

        async Task<int> CountAsync(string query) =>
            (await ApiAssert.Ok(await viewer.GetAsync($"{Prefix}/call-logs/?{query}"), "Call logs fetched successfully"))["count"]!.GetValue<int>();
        var day = monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var next = monday.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(2, await CountAsync($"start_date={day}&end_date={day}"));
        Assert.Equal(3, await CountAsync($"start_date={next}"));
        Assert.Equal(5, await CountAsync($"end_date={next}T23:59:59Z&call_type=outbound"));
        Assert.Equal(0, await CountAsync("call_type=inbound"));
    }

    [Fact]
    public async Task Analytics_CountsContactSpacesOnly_AndRefusesOthersByToken()
    {
        var (org, space, agent) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var general = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", new { name = "Notes" }), HttpStatusCode.Created))["data"]!["token"]!.GetValue<string>();
        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(4) });
        await CreateRunAsync(org, general, new { pilot = agent, documents = Contacts(2) });

        var all = await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/organisation/analytics/"), "Analytics fetched successfully");
        Assert.Equal(4, all["data"]!["total_tasks"]!.GetValue<int>());
        Assert.Equal(4, all["data"]!["task_status_breakdown"]!["pending"]!.GetValue<int>());
        await ApiAssert.Invalid(await admin.GetAsync($"{Prefix}/organisation/analytics/?space_token={general}"), "space_token");
        await ApiAssert.Error(await admin.GetAsync($"{Prefix}/organisation/analytics/?space_token=NOSUCHSPACE"), HttpStatusCode.NotFound, "Space not found");

        var other = await TestOrg.CreateAsync(App);
        var theirs = await ApiAssert.Ok(await other.Client(App, other.Admin).GetAsync($"{Prefix}/organisation/analytics/"), "Analytics fetched successfully");
        Assert.Equal(0, theirs["data"]!["total_tasks"]!.GetValue<int>());
        await ApiAssert.Error(await other.Client(App, other.Admin).GetAsync($"{Prefix}/organisation/analytics/?space_token={space}"), HttpStatusCode.NotFound, "Space not found");
    }
}

public sealed class ReportingTestsOnSqlite(EngineApp<Sqlite> app) : ReportingTests<Sqlite>(app);

public sealed class ReportingTestsOnPostgres(EngineApp<Postgres> app) : ReportingTests<Postgres>(app);
