using System.Net;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Engine;

public abstract class RunControlTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    private Task<HttpResponseMessage> ControlAsync(TestOrg org, TestUser user, string space, string runId, string action) =>
        org.Client(App, user).PostAsync($"{Prefix}/spaces/{space}/runs/{runId}/{action}/", null);

    [Fact]
    public async Task PausedRun_StartsNothing_UntilResumed()
    {
        var (org, space, agent) = await SetUpAsync();
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(3) });
        var paused = await ApiAssert.Ok(await ControlAsync(org, org.Member, space, runId, "pause"), "Run paused successfully");
        Assert.Equal("paused", paused["data"]!["status"]!.GetValue<string>());
        await App.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.All(await TasksAsync(org, space, runId), t => Assert.Equal("pending", t!["status"]!.GetValue<string>()));

        await ApiAssert.Error(await ControlAsync(org, org.Member, space, runId, "pause"), HttpStatusCode.Conflict, "Run is paused and cannot be paused.");
        var resumed = await ApiAssert.Ok(await ControlAsync(org, org.Member, space, runId, "resume"), "Run resumed successfully");
        Assert.Equal("pending", resumed["data"]!["status"]!.GetValue<string>());
        await App.RunEngineAsync();
        Assert.Equal("completed", (await RunAsync(org, space, runId))["status"]!.GetValue<string>());
        await ApiAssert.Error(await ControlAsync(org, org.Member, space, runId, "resume"), HttpStatusCode.Conflict, "Run is completed, not paused; only a paused run can be resumed.");
    }

    [Fact]
    public async Task CancelledRun_CancelsWaitingTasks_AndRefusesMoreControl()
    {
        var (org, space, agent) = await SetUpAsync();
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(4), schedule = new { type = "at", at = App.Clock.GetUtcNow().UtcDateTime.AddHours(1) } });
        var cancelled = await ApiAssert.Ok(await ControlAsync(org, org.Admin, space, runId, "cancel"), "Run cancelled successfully");
        Assert.Equal("cancelled", cancelled["data"]!["status"]!.GetValue<string>());
        Assert.Equal(4, cancelled["data"]!["cancelled_tasks"]!.GetValue<int>());
        await App.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.All(await TasksAsync(org, space, runId), t => Assert.Equal("cancelled", t!["status"]!.GetValue<string>()));

        await ApiAssert.Error(await ControlAsync(org, org.Member, space, runId, "cancel"), HttpStatusCode.Conflict, "Run is cancelled and cannot be cancelled.");
        await ApiAssert.Error(await ControlAsync(org, org.Member, space, runId, "pause"), HttpStatusCode.Conflict, "Run is cancelled and cannot be paused.");
        await ApiAssert.Error(await ControlAsync(org, org.Member, space, runId, "retry"), HttpStatusCode.Conflict, "Run is cancelled; resume it (or start a new run) before retrying.");
    }

    [Fact]
    public async Task Cancel_LetsTasksInProgressFinish()
    {
        var (org, space, agent) = await SetUpAsync(new { max_concurrency = 1 });
        await App.RunEngineAsync(); // other tests' due work, so the claim below sees only this run
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(3) });
        await using (App.Scope(out var db))
        {
            var claimer = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<Podium.Server.Engine.TaskClaimer>(App.Services, db);
            Assert.Single(await claimer.ClaimAsync(3, default));
        }
        var cancelled = await ApiAssert.Ok(await ControlAsync(org, org.Member, space, runId, "cancel"), "Run cancelled successfully");
        Assert.Equal(1, cancelled["data"]!["in_progress_tasks"]!.GetValue<int>());
        Assert.Equal(2, cancelled["data"]!["cancelled_tasks"]!.GetValue<int>());
        // The claimed task was never run here; when its lease lapses it is run and completes.
        await App.AdvanceAsync(TimeSpan.FromMinutes(1));
        var tasks = await TasksAsync(org, space, runId);
        Assert.Single(tasks, t => t!["status"]!.GetValue<string>() == "completed");
        Assert.Equal("cancelled", (await RunAsync(org, space, runId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retry_GivesFailedTasksANewAttempt()
    {
        var (org, space, agent) = await SetUpAsync(new { simulation = new { fail_rate = 1.0, latency_ms = 0 }, retry = new { max_attempts = 1 } });
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(2) });
        await App.RunEngineAsync();
        Assert.Equal("failed", (await RunAsync(org, space, runId))["status"]!.GetValue<string>());

        await ApiAssert.Ok(await org.Client(App, org.Admin).PatchJson($"{Prefix}/agents/{agent}/", new { simulation = new { fail_rate = 0.0 } }), "Agent updated successfully");
        var retried = await ApiAssert.Ok(await ControlAsync(org, org.Member, space, runId, "retry"), "Run retried successfully");
        Assert.Equal("running", retried["data"]!["status"]!.GetValue<string>());
        await App.RunEngineAsync();
        var run = await RunAsync(org, space, runId);
        Assert.Equal("completed", run["status"]!.GetValue<string>());
        Assert.All(await TasksAsync(org, space, runId), t => Assert.Equal(2, t!["attempt"]!.GetValue<int>()));
        await ApiAssert.Error(await ControlAsync(org, org.Member, space, runId, "retry"), HttpStatusCode.Conflict, "This run has no failed tasks to retry.");
    }

    [Fact]
    public async Task Control_AsViewer_Is403_AndUnknownRunIs404()
    {
        var (org, space, agent) = await SetUpAsync();
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        foreach (var action in new[] { "cancel", "pause", "resume", "retry" })
            await ApiAssert.Error(await ControlAsync(org, org.Viewer, space, runId, action), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
        await ApiAssert.Error(await ControlAsync(org, org.Member, space, "R00000000000000000000000000000000", "cancel"), HttpStatusCode.NotFound, "Run not found");
        await ApiAssert.Error(await ControlAsync(org, org.Member, space, runId, "explode"), HttpStatusCode.NotFound, "Not found.");
    }
}

public sealed class RunControlTestsOnSqlite(EngineApp<Sqlite> app) : RunControlTests<Sqlite>(app);

public sealed class RunControlTestsOnPostgres(EngineApp<Postgres> app) : RunControlTests<Postgres>(app);
