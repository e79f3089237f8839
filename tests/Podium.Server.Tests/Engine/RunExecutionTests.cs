using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Engine;

public abstract class RunExecutionTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    [Fact]
    public async Task DocumentedExample_RunsToCompletedWithTheContractsOutput()
    {
        var (org, space, agent) = await SetUpAsync();
        var body = JsonNode.Parse($$"""
            {"pilot": "{{agent}}", "context": "Call the lead and discuss the project requirements.", "schedule": {"type": "now"},
             "documents": [{"name": "John Doe", "email": "john@example.com", "contact_number": "1234567890", "alternate_number": "+919876543210",
               "occupation": "Sales Manager", "company_name": "Acme Corp", "address": "123 Main St, Mumbai", "about": "Warm lead from webinar",
               "context": "Follow up on proposal sent last week", "labels": ["warm-lead", "webinar"], "title": "Q1 Outreach",
               "description": "Lead from Q1 campaign", "document_id": "6902fb5840a736e125e80ebc", "multi_select": "multi", "time": null}]}
            """)!;
        var created = await ApiAssert.Ok(await org.Client(App, org.Member).PostRaw($"{Prefix}/spaces/{space}/tasks/create/", body.ToJsonString()), "Task Created Successfully");
        var runId = created["data"]!["run_id"]!.GetValue<string>();
        Assert.Matches("^R[0-9a-f]{32}$", runId);
        Assert.Matches("^T[0-9a-f]{32}$", Assert.Single(created["data"]!["task_ids"]!.AsArray())!.GetValue<string>());
        Assert.Equal("pending", created["data"]!["status"]!.GetValue<string>());

        await App.RunEngineAsync();

        var run = await RunAsync(org, space, runId);
        Assert.Equal("completed", run["status"]!.GetValue<string>());
        Assert.Equal(1, run["completed_tasks"]!.GetValue<int>());
        Assert.Equal($"collection_data_{space}", run["collection_ref"]!.GetValue<string>());
        var task = Assert.Single(await TasksAsync(org, space, runId))!;
        Assert.Equal("completed", task["status"]!.GetValue<string>());
        Assert.Equal("call", task["execution_type"]!.GetValue<string>());
        Assert.Equal(agent, task["assignee"]!.GetValue<string>());
        Assert.Equal("6902fb5840a736e125e80ebc", task["ref_id"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{24}$", task["_id"]!.GetValue<string>());
        Assert.Equal("Call the lead and discuss the project requirements.", task["task"]!["objective"]!.GetValue<string>());
        Assert.Equal("+11234567890", task["input"]!["contact_number"]!.GetValue<string>());
        Assert.Equal("multi", task["input"]!["multi_select"]!.GetValue<string>());
        Assert.Equal(org.Member.Email, task["user_info"]!["email"]!.GetValue<string>());
        var output = task["output"]!.AsObject();
        foreach (var field in new[] { "call_id", "call_status", "call_type", "call_end_reason", "start_time", "end_time", "duration", "recording_url", "transcript", "call_summary", "post_call_data", "cost", "assistant_number" })
            Assert.True(output.ContainsKey(field), field);
        Assert.Equal("completed", output["call_status"]!.GetValue<string>());
        Assert.True(output["transcript"]!.AsArray().Count >= 2);
        Assert.Equal("agent", output["transcript"]![0]!["role"]!.GetValue<string>());
        foreach (var field in new[] { "summary", "outcome", "sentiment" })
            Assert.NotNull(output["post_call_data"]![field]);
        Assert.True(output["cost"]!.GetValue<decimal>() > 0);
        Assert.Equal(output["cost"]!.GetValue<decimal>(), task["cost"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task SimulatedRuntime_IsDeterministicPerTaskAndAttempt()
    {
        var (org, space, agent) = await SetUpAsync();
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var first = (await TasksAsync(org, space, runId))[0]!["output"]!;
        await using (App.Scope(out var db))
        {
            var runtime = new Podium.Server.Engine.Runtimes.SimulatedRuntime(App.Clock);
            var task = (await TasksAsync(org, space, runId))[0]!;
            var call = new Podium.Server.Engine.Runtimes.AgentCall(task["task_id"]!.GetValue<string>(), runId, 1, "", new JsonObject { ["name"] = "Contact 0" },
                Podium.Data.Entities.ExecutionType.Call, agent, "Caller", new() { Simulation = new() { LatencyMs = 0 } }, [], null,
                CallId: first["call_id"]!.GetValue<string>());
            var again = await runtime.ExecuteAsync(call, default);
            // The call id is the call log's, given to the runtime; everything the runtime makes up repeats.
            Assert.Matches("^call_[0-9a-f]{24}$", first["call_id"]!.GetValue<string>());
            Assert.Equal(first["call_id"]!.GetValue<string>(), again.Output!["call_id"]!.GetValue<string>());
            Assert.Equal(first["duration"]!.GetValue<int>(), again.Output!["duration"]!.GetValue<int>());
            Assert.Equal(first["transcript"]!.ToJsonString(), again.Output!["transcript"]!.ToJsonString());
            Assert.Equal(first["post_call_data"]!.ToJsonString(), again.Output!["post_call_data"]!.ToJsonString());
        }
    }

    [Fact]
    public async Task CustomSchedule_WaitsForItsTimeInItsZone()
    {
        var (org, space, agent) = await SetUpAsync();
        var monday = await App.NextMondayAsync();
        // 09:00 in New York on Tuesday (winter) is 14:00 UTC, 28 hours after Monday 10:00 UTC.
        var runId = await CreateRunAsync(org, space, new
        {
            pilot = agent,
            documents = Contacts(2),
            schedule = new { type = "custom", calling_date = monday.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), calling_time = "09:00", timezone = "America/New_York" },
        });
        await App.RunEngineAsync();
        var waiting = await TasksAsync(org, space, runId);
        Assert.All(waiting, t => Assert.Equal("scheduled", t!["status"]!.GetValue<string>()));
        Assert.All(waiting, t => Assert.Equal(monday.AddHours(28), t!["scheduled_timestamp"]!.GetValue<DateTime>().ToUniversalTime()));

        await App.AdvanceAsync(TimeSpan.FromHours(27.9));
        Assert.Equal("pending", (await RunAsync(org, space, runId))["status"]!.GetValue<string>());
        await App.AdvanceAsync(TimeSpan.FromHours(0.2));
        Assert.Equal("completed", (await RunAsync(org, space, runId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AtSchedule_WaitsForTheInstant_AndPastInstantsAreRefused()
    {
        var (org, space, agent) = await SetUpAsync();
        var at = App.Clock.GetUtcNow().UtcDateTime.AddMinutes(30);
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1), schedule = new { type = "at", at } });
        await App.AdvanceAsync(TimeSpan.FromMinutes(29));
        Assert.Equal("scheduled", (await TasksAsync(org, space, runId))[0]!["status"]!.GetValue<string>());
        await App.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal("completed", (await TasksAsync(org, space, runId))[0]!["status"]!.GetValue<string>());

        var past = await org.Client(App, org.Member).PostJson($"{Prefix}/spaces/{space}/tasks/create/",
            new { pilot = agent, documents = Contacts(1), schedule = new { type = "at", at = App.Clock.GetUtcNow().UtcDateTime.AddHours(-2) } });
        await ApiAssert.Invalid(past, "schedule");
    }

    [Fact]
    public async Task CallingHours_HoldTasksUntilTheRecipientsLocalWindow()
    {
        var (org, space, agent) = await SetUpAsync(new { calling_hours = new { days = new[] { "mon", "tue", "wed", "thu", "fri" }, ranges = new[] { new { start = "09:00", end = "17:00" } } } });
        await App.NextMondayAsync();
        // Monday 10:00 UTC: 10:00 in London (inside), 02:00 in San Francisco (outside until 17:00 UTC).
        var runId = await CreateRunAsync(org, space, new
        {
            pilot = agent,
            documents = new object[] { new { name = "London", contact_number = "+44 20 7946 0958" }, new { name = "San Francisco", contact_number = "+1 415 555 0100" } },
        });
        await App.RunEngineAsync();
        var tasks = await TasksAsync(org, space, runId);
        Assert.Equal("completed", tasks.Single(t => t!["input"]!["name"]!.GetValue<string>() == "London")!["status"]!.GetValue<string>());
        Assert.Equal("scheduled", tasks.Single(t => t!["input"]!["name"]!.GetValue<string>() == "San Francisco")!["status"]!.GetValue<string>());

        await App.AdvanceAsync(TimeSpan.FromHours(6.9));
        Assert.Equal("running", (await RunAsync(org, space, runId))["status"]!.GetValue<string>());
        await App.AdvanceAsync(TimeSpan.FromHours(0.2));
        Assert.Equal("completed", (await RunAsync(org, space, runId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AutoSchedule_PicksTheNextSlotInTheAgentsHours()
    {
        var (org, space, agent) = await SetUpAsync(new { calling_hours = new { ranges = new[] { new { start = "18:00", end = "20:00" } } } });
        var monday = await App.NextMondayAsync();
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = new object[] { new { name = "London", contact_number = "+44 20 7946 0958" } }, schedule = new { type = "auto" } });
        var task = (await TasksAsync(org, space, runId))[0]!;
        Assert.Equal("scheduled", task["status"]!.GetValue<string>());
        Assert.Equal(monday.Date.AddHours(18), task["scheduled_timestamp"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Fact]
    public async Task Retries_FollowTheAgentsPolicy_ThenFail()
    {
        var (org, space, agent) = await SetUpAsync(new { simulation = new { busy_rate = 1.0, latency_ms = 0 }, retry = new { max_attempts = 3, backoff_seconds = 60 } });
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var task = (await TasksAsync(org, space, runId))[0]!;
        Assert.Equal("scheduled", task["status"]!.GetValue<string>());
        Assert.Equal(1, task["failure_count"]!.GetValue<int>());
        Assert.Equal("busy", task["last_failure_reason"]!.GetValue<string>());

        await App.AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.Equal(1, (await TasksAsync(org, space, runId))[0]!["attempt"]!.GetValue<int>());
        await App.AdvanceAsync(TimeSpan.FromSeconds(8));
        Assert.Equal(2, (await TasksAsync(org, space, runId))[0]!["attempt"]!.GetValue<int>());
        await App.AdvanceAsync(TimeSpan.FromSeconds(135));
        task = (await TasksAsync(org, space, runId))[0]!;
        Assert.Equal("failed", task["status"]!.GetValue<string>());
        Assert.Equal(3, task["attempt"]!.GetValue<int>());
        Assert.Equal(2, task["retry_attempt"]!.GetValue<int>());
        Assert.Equal(3, task["failure_count"]!.GetValue<int>());
        Assert.Equal("failed", (await RunAsync(org, space, runId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retries_OnlyForTheOutcomesTheAgentNames()
    {
        var (org, space, agent) = await SetUpAsync(new { simulation = new { busy_rate = 1.0, latency_ms = 0 }, retry = new { on = new[] { "no_answer" } } });
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var task = (await TasksAsync(org, space, runId))[0]!;
        Assert.Equal("failed", task["status"]!.GetValue<string>());
        Assert.Equal(1, task["attempt"]!.GetValue<int>());
    }

    [Fact]
    public async Task ABigCappedRun_DoesNotStarveAnotherTenantsWork()
    {
        var (big, bigSpace, bigAgent) = await SetUpAsync(new { max_concurrency = 1 });
        var (small, smallSpace, smallAgent) = await SetUpAsync();
        await App.RunEngineAsync(); // other tests' due work, so the claims below see only these runs
        await CreateRunAsync(big, bigSpace, new { pilot = bigAgent, documents = Contacts(50) });
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        var smallRun = await CreateRunAsync(small, smallSpace, new { pilot = smallAgent, documents = Contacts(1) });
        await using (App.Scope(out var db))
        {
            var claimer = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<Podium.Server.Engine.TaskClaimer>(App.Services, db);
            var first = await claimer.ClaimAsync(2, default);
            var second = await claimer.ClaimAsync(2, default);
            Assert.Single(first);
            Assert.Equal(smallRun, Assert.Single(second).RunPublicId);
        }
    }

    [Fact]
    public async Task ConcurrencyCap_OfTheAgent_IsNeverExceeded()
    {
        var (org, space, agent) = await SetUpAsync(new { max_concurrency = 2 });
        await App.RunEngineAsync(); // other tests' due work, so the claims below see only this run
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(5) });
        var dispatcher = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Podium.Server.Engine.Dispatcher>(App.Services);
        await using (App.Scope(out var db))
        {
            var claimer = new Podium.Server.Engine.TaskClaimer(db,
                Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Podium.Server.Storage.DatabaseConnection>(App.Services),
                Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.Options.IOptions<Podium.Server.Engine.EngineOptions>>(App.Services), App.Clock,
                Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Podium.Server.Observability.PodiumTelemetry>(App.Services),
                new Podium.Server.Events.EventOutbox(db, new Podium.Server.Features.Runs.RunEventSubjects(db), Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                    .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>(App.Services)));
            Assert.Equal(2, (await claimer.ClaimAsync(10, default)).Count);
            Assert.Empty(await claimer.ClaimAsync(10, default));
        }
        Assert.Equal(2, (await RunAsync(org, space, runId))["in_progress_tasks"]!.GetValue<int>());
        // Leases lapse (nobody runs those two here), so the work is claimed again, never lost.
        await App.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal("completed", (await RunAsync(org, space, runId))["status"]!.GetValue<string>());
        Assert.Equal(0, dispatcher.Running);
    }
}

public sealed class RunExecutionTestsOnSqlite(EngineApp<Sqlite> app) : RunExecutionTests<Sqlite>(app);

public sealed class RunExecutionTestsOnPostgres(EngineApp<Postgres> app) : RunExecutionTests<Postgres>(app);
