using System.Net;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Engine;

public abstract class AgentWebhookRuntimeTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    private async Task<(TestOrg Org, string Space, string Agent, WebhookReceiver Receiver)> WebhookAgentAsync(object? retry = null)
    {
        var receiver = await WebhookReceiver.StartAsync();
        var (org, space, _) = await SetUpAsync();
        var created = await ApiAssert.Envelope(await org.Client(App, org.Admin).PostJson($"{Prefix}/agents/",
            new { name = "Hook", state = "published", runtime = new { type = "webhook", url = receiver.Url }, retry = retry ?? new { max_attempts = 2, backoff_seconds = 60 } }), HttpStatusCode.Created);
        receiver.Secret = created["data"]!["webhook_secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", receiver.Secret, StringComparison.Ordinal);
        return (org, space, created["data"]!["handle"]!.GetValue<string>(), receiver);
    }

    [Fact]
    public async Task Agent200_CompletesTheTask_WithASignedIdempotentCall()
    {
        var (org, space, agent, receiver) = await WebhookAgentAsync();
        await using var _ = receiver;
        var runId = await CreateRunAsync(org, space, new { pilot = agent, context = "Confirm the booking", documents = Contacts(2) });
        await App.RunEngineAsync();

        Assert.Equal("completed", (await RunAsync(org, space, runId))["status"]!.GetValue<string>());
        Assert.Equal(2, receiver.Calls.Count);
        Assert.All(receiver.Calls, c => Assert.True(c.SignatureValid));
        Assert.All(receiver.Calls, c => Assert.Equal($"{c.TaskId}-1", c.IdempotencyKey));
        Assert.All(receiver.Calls, c => Assert.Equal("Confirm the booking", c.Body["objective"]!.GetValue<string>()));
        // The body agents are written against: every key, in order, nulls written out.
        Assert.All(receiver.Calls, c => Assert.Equal(
            ["task_id", "run_id", "attempt", "call_id", "from_number", "idempotency_key", "execution_type", "objective", "input", "agent", "callback_url", "callback_token"],
            c.Body.AsObject().Select(p => p.Key)));
        Assert.All(receiver.Calls, c => Assert.Equal(runId, c.Body["run_id"]!.GetValue<string>()));
        Assert.All(receiver.Calls, c => Assert.Equal(agent, c.Body["agent"]!["handle"]!.GetValue<string>()));
        Assert.All(receiver.Calls, c => Assert.Equal("call", c.Body["execution_type"]!.GetValue<string>()));
        var task = (await TasksAsync(org, space, runId))[0]!;
        Assert.Equal(0.063m, task["cost"]!.GetValue<decimal>());
        Assert.Equal($"CALL_{task["task_id"]!.GetValue<string>()}", task["output"]!["call_id"]!.GetValue<string>());

        var list = await ApiAssert.Ok(await org.Client(App, org.Admin).GetAsync($"{Prefix}/agents/{agent}/"), "Agent fetched successfully");
        Assert.Null(list["data"]!["webhook_secret"]);
    }

    [Fact]
    public async Task Agent5xx_IsAFailedAttempt_RetriedByPolicy()
    {
        var (org, space, agent, receiver) = await WebhookAgentAsync();
        await using var _ = receiver;
        receiver.Status = 503;
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var task = (await TasksAsync(org, space, runId))[0]!;
        Assert.Equal("scheduled", task["status"]!.GetValue<string>());
        Assert.Contains("503", task["last_failure_reason"]!.GetValue<string>(), StringComparison.Ordinal);

        receiver.Status = 200;
        await App.AdvanceAsync(TimeSpan.FromSeconds(70));
        task = (await TasksAsync(org, space, runId))[0]!;
        Assert.Equal("completed", task["status"]!.GetValue<string>());
        Assert.Equal(["1", "2"], receiver.Calls.Select(c => c.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Agent202_ThenCallback_CompletesTheTask()
    {
        var (org, space, agent, receiver) = await WebhookAgentAsync();
        await using var _ = receiver;
        receiver.Status = 202;
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        Assert.Equal("in_progress", (await TasksAsync(org, space, runId))[0]!["status"]!.GetValue<string>());

        var call = Assert.Single(receiver.Calls);
        var callback = call.Body["callback_url"]!.GetValue<string>();
        var token = call.Body["callback_token"]!.GetValue<string>();
        var anonymous = App.Client();
        var result = new { outcome = "completed", output = new { call_id = "CALL_late", call_status = "completed", duration = 90 } };
        await ApiAssert.Error(await anonymous.PostJson(callback, result), HttpStatusCode.Unauthorized, "Invalid token.");
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await ApiAssert.Ok(await anonymous.PostJson(callback, result), "Task result recorded successfully");
        await ApiAssert.Error(await anonymous.PostJson(callback, result), HttpStatusCode.Conflict, "This task is no longer waiting for a result of that attempt.");

        var task = (await TasksAsync(org, space, runId))[0]!;
        Assert.Equal("completed", task["status"]!.GetValue<string>());
        Assert.Equal("CALL_late", task["output"]!["call_id"]!.GetValue<string>());
        Assert.Equal("completed", (await RunAsync(org, space, runId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Agent202_WithoutCallback_FailsTheAttemptAfterTheTimeout()
    {
        var (org, space, agent, receiver) = await WebhookAgentAsync(new { max_attempts = 1 });
        await using var _ = receiver;
        receiver.Status = 202;
        var runId = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        await App.AdvanceAsync(TimeSpan.FromMinutes(16));
        var task = (await TasksAsync(org, space, runId))[0]!;
        Assert.Equal("failed", task["status"]!.GetValue<string>());
        Assert.Equal("The agent never posted the result.", task["last_failure_reason"]!.GetValue<string>());
    }
}

public sealed class WebhookRuntimeTestsOnSqlite(EngineApp<Sqlite> app) : AgentWebhookRuntimeTests<Sqlite>(app);

public sealed class WebhookRuntimeTestsOnPostgres(EngineApp<Postgres> app) : AgentWebhookRuntimeTests<Postgres>(app);
