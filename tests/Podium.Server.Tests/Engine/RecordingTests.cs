using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Podium.Data;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Engine;

/// <summary>Whatever an agent answers, its task ends, and it is called once per attempt: a result that cannot be stored never places the call again.</summary>
public abstract class RecordingTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    private static readonly string LongText = new('x', 5000);

    [Theory]
    [InlineData("long-outcome", "failed", "The agent reported an unknown outcome \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\".")]
    [InlineData("big-output", "failed", "The agent's answer is larger than 1 MiB.")]
    [InlineData("escaped-output", "failed", "The agent's output is longer than 1,000,000 characters once stored.")]
    [InlineData("long-fields", "completed", "")]
    public async Task AnAgentAnswerTheColumnsCannotHold_EndsTheTask_AfterOneCall(string answer, string status, string reason)
    {
        var calls = 0;
        await using var agent = await LoopbackServer.StartAsync(a => a.MapPost("/agent", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.Text(Answer(answer), "application/json");
        }));
        var (org, space, handle) = await WebhookAgentAsync($"{LoopbackServer.Address(agent)}/agent");
        var runId = await CreateRunAsync(org, space, new { pilot = handle, documents = Contacts(1) });
        await App.RunEngineAsync();
        // Past any lease: a task left in progress would be claimed and called again now.
        await App.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(1, calls);
        var task = (await TasksAsync(org, space, runId))[0]!;
        Assert.Equal(status, task["status"]!.GetValue<string>());
        if (status == "failed") Assert.Equal(reason, task["last_failure_reason"]!.GetValue<string>());
        else Assert.Equal(64, (await CallLogAsync(org))["end_reason"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task ADatabaseThatRefusesTheResult_FailsTheAttemptWithTheReason_Once()
    {
        var calls = 0;
        await using var agent = await LoopbackServer.StartAsync(a => a.MapPost("/agent", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.Json(new { outcome = "completed", output = new { call_summary = "refuse-me" } });
        }));
        await RefuseMarkedOutputsAsync();
        var (org, space, handle) = await WebhookAgentAsync($"{LoopbackServer.Address(agent)}/agent");
        var runId = await CreateRunAsync(org, space, new { pilot = handle, documents = Contacts(1) });
        await App.RunEngineAsync();
        await App.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(1, calls);
        var task = (await TasksAsync(org, space, runId))[0]!;
        Assert.Equal("failed", task["status"]!.GetValue<string>());
        Assert.StartsWith("The result could not be stored: ", task["last_failure_reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("failed", (await RunAsync(org, space, runId))["status"]!.GetValue<string>());
    }

    private static string Answer(string kind) => kind switch
    {
        "long-outcome" => new JsonObject { ["outcome"] = LongText, ["output"] = new JsonObject() }.ToJsonString(),
        "big-output" => new JsonObject { ["output"] = new JsonObject { ["transcript"] = new string('a', 1_100_000) } }.ToJsonString(),
        // Fits the 1 MiB answer, but every character is stored as a six-character JSON escape.
        "escaped-output" => "{\"output\": {\"call_summary\": \"" + new string('é', 400_000) + "\"}}",
        _ => new JsonObject
        {
            ["output"] = new JsonObject
            {
                ["call_end_reason"] = LongText,
                ["post_call_data"] = new JsonObject { ["outcome"] = LongText },
            },
        }.ToJsonString(),
    };

    /// <summary>A real refusal by the database: a trigger that rejects a result marked "refuse-me".</summary>
    private async Task RefuseMarkedOutputsAsync()
    {
        await using var scope = App.Scope(out var db);
        if (App.Database.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER IF NOT EXISTS refuse_output BEFORE UPDATE OF "Output" ON "Tasks"
                WHEN NEW."Output" LIKE '%refuse-me%' BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END;
                """);
            return;
        }
        await db.Database.ExecuteSqlRawAsync("""
            CREATE OR REPLACE FUNCTION refuse_output() RETURNS trigger AS $$
            BEGIN
              IF NEW."Output" LIKE '%refuse-me%' THEN RAISE EXCEPTION 'refused by a test trigger' USING ERRCODE = 'check_violation'; END IF;
              RETURN NEW;
            END $$ LANGUAGE plpgsql;
            DROP TRIGGER IF EXISTS refuse_output ON "Tasks";
            CREATE TRIGGER refuse_output BEFORE UPDATE ON "Tasks" FOR EACH ROW EXECUTE FUNCTION refuse_output();
            """);
    }

    private async Task<JsonNode> CallLogAsync(TestOrg org) =>
        (await ApiAssert.Ok(await org.Client(App, org.Admin).GetAsync($"{Prefix}/call-logs/"), "Call logs fetched successfully"))["data"]![0]!;
}

public sealed class RecordingTestsOnSqlite(EngineApp<Sqlite> app) : RecordingTests<Sqlite>(app);

public sealed class RecordingTestsOnPostgres(EngineApp<Postgres> app) : RecordingTests<Postgres>(app);
