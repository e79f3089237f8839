using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Podium.Server.Tests.Infrastructure;
using static Podium.Server.Tests.Infrastructure.ProcessSetup;

namespace Podium.Server.Tests.Engine;

/// <summary>The real executable under crashes and side by side: leases, reclaims and shared work.</summary>
public abstract class ProcessTests<TDb> where TDb : TestDatabase, new()
{
    private const string Prefix = "/api/v2/platform";
    private static readonly string[] FastEngine = ["--no-demo", "--Engine:LeaseDuration=00:00:03", "--Engine:PollInterval=00:00:00.100"];

    [Fact]
    public async Task KillDashNineMidRun_ThenRestart_LosesNothing_AndRepeatsOnlyInterruptedAttempts()
    {
        await using var database = await CreateDatabaseAsync();
        using var folder = new TempFolder();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromMilliseconds(20);
        var setup = await SeedAsync(database, receiver.Url);
        receiver.Secret = setup.Secret!;

        var first = ServerProcess.Start(database, folder.Path, FastEngine);
        var client = await ClientAsync(first, setup);
        await ApiAssert.Ok(await client.PatchJson($"{Prefix}/agents/{setup.Agent}/", new { max_concurrency = 20 }), "Agent updated successfully");
        var runId = await CreateRunAsync(client, setup.Space, setup.Agent, 2000);
        await Eventually.WaitAsync(() => receiver.Calls.Count >= 500, "500 calls before the kill");
        await first.DisposeAsync(); // SIGKILL: no shutdown, leases left as they were
        var atKill = receiver.Calls.Count;

        await using var second = ServerProcess.Start(database, folder.Path, FastEngine);
        client = await ClientAsync(second, setup);
        var run = await WaitForRunAsync(client, setup.Space, runId);
        Assert.Equal("completed", run["status"]!.GetValue<string>());
        Assert.Equal(2000, run["completed_tasks"]!.GetValue<int>());
        Assert.True(atKill < 2000, "the kill came after the run had finished");

        var calls = receiver.Calls.ToList();
        Assert.All(calls, c => Assert.True(c.SignatureValid));
        Assert.Equal(2000, calls.Select(c => c.TaskId).Distinct().Count());
        // Only attempts in flight at the kill (at most the agent's concurrency) may be called twice:
        // once before the kill, once by the new process after their lease expired.
        var repeated = calls.Select((c, i) => (c.IdempotencyKey, Index: i)).GroupBy(c => c.IdempotencyKey).Where(g => g.Count() > 1).ToList();
        Assert.InRange(repeated.Count, 0, 20);
        Assert.All(repeated, g =>
        {
            Assert.Equal(2, g.Count());
            Assert.True(g.First().Index < atKill && g.Last().Index >= atKill, $"{g.Key} was called twice without a crash between the calls");
        });
        Assert.All(calls.GroupBy(c => c.TaskId), g => Assert.Single(g.Select(c => c.Attempt).Distinct()));
    }

    [Fact]
    public async Task GracefulShutdown_ReleasesUnfinishedTasks_ForTheNextProcess()
    {
        await using var database = await CreateDatabaseAsync();
        using var folder = new TempFolder();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromSeconds(20);
        var setup = await SeedAsync(database, receiver.Url);
        receiver.Secret = setup.Secret!;
        string[] longLease = ["--no-demo", "--Engine:LeaseDuration=00:10:00", "--Engine:ShutdownGrace=00:00:01", "--Engine:PollInterval=00:00:00.100"];

        var first = ServerProcess.Start(database, folder.Path, longLease);
        var client = await ClientAsync(first, setup);
        var runId = await CreateRunAsync(client, setup.Space, setup.Agent, 3);
        await Eventually.WaitAsync(() => receiver.Calls.Count == 3, "the three calls to start");
        await first.StopGracefullyAsync();
        await first.DisposeAsync();

        await using (var db = Open(database))
        {
            var tasks = await db.Tasks.IgnoreQueryFilters().ToListAsync();
            Assert.All(tasks, t => Assert.Null(t.LeaseOwner));
            Assert.All(tasks, t => Assert.True(t.LeaseExpiresAt <= DateTime.UtcNow, "the lease was released, not left to expire"));
            Assert.Equal(3, await db.TaskAttempts.IgnoreQueryFilters().CountAsync(a => a.Outcome == "interrupted"));
        }

        receiver.Delay = TimeSpan.Zero;
        await using var second = ServerProcess.Start(database, folder.Path, longLease);
        var run = await WaitForRunAsync(await ClientAsync(second, setup), setup.Space, runId);
        Assert.Equal("completed", run["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task FourAgentAnswersOf60MB_FailWithAClearReason_AndPeakMemoryStaysFlat()
    {
        await using var database = await CreateDatabaseAsync();
        using var folder = new TempFolder();
        var huge = false;
        await using var agent = await LoopbackServer.StartAsync(a => a.MapPost("/agent", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            if (!huge)
            {
                await context.Response.WriteAsync("""{"outcome": "completed", "output": {"call_status": "completed"}}""");
                return;
            }
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            try
            {
                for (var sent = 0; sent < 60 * 1024 * 1024; sent += chunk.Length)
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // Podium hung up once it had read its limit.
            }
        }));
        var setup = await SeedAsync(database, LoopbackServer.Address(agent) + "/agent");
        await using var server = ServerProcess.Start(database, folder.Path, FastEngine);
        var client = await ClientAsync(server, setup);
        await ApiAssert.Ok(await client.PatchJson($"{Prefix}/agents/{setup.Agent}/", new { max_concurrency = 4, retry = new { max_attempts = 1 } }), "Agent updated successfully");

        // Warm up every path once with small answers; the peak so far is the baseline.
        Assert.Equal("completed", (await WaitForRunAsync(client, setup.Space, await CreateRunAsync(client, setup.Space, setup.Agent, 4)))["status"]!.GetValue<string>());
        var baseline = server.PeakResidentBytes();
        huge = true;
        var runId = await CreateRunAsync(client, setup.Space, setup.Agent, 4);
        Assert.Equal("failed", (await WaitForRunAsync(client, setup.Space, runId))["status"]!.GetValue<string>());
        var growth = server.PeakResidentBytes() - baseline;

        var tasks = (await ApiAssert.Envelope(await client.GetAsync($"{Prefix}/spaces/{setup.Space}/runs/{runId}/tasks/"), HttpStatusCode.OK))["data"]!.AsArray();
        Assert.All(tasks, t => Assert.Equal("The agent's answer is larger than 1 MiB.", t!["last_failure_reason"]!.GetValue<string>()));
        Assert.True(growth < 120L * 1024 * 1024, $"peak resident memory grew by {growth / (1024 * 1024)} MB");
    }

    /// <summary>
    /// Several processes need a shared server database, so this runs on PostgreSQL only (SQLite
    /// is one process's store): see <see cref="ProcessTestsOnPostgres"/>.
    /// </summary>
    protected async Task TwoProcessesShareARunAsync()
    {
        await using var database = await CreateDatabaseAsync();
        using var folder = new TempFolder();
        var setup = await SeedAsync(database, agentUrl: null);

        await using var a = ServerProcess.Start(database, folder.Path, [.. FastEngine, "--Engine:NodeId=node-a"]);
        await using var b = ServerProcess.Start(database, folder.Path, [.. FastEngine, "--Engine:NodeId=node-b"]);
        var client = await ClientAsync(a, setup);
        await ClientAsync(b, setup);
        await ApiAssert.Ok(await client.PatchJson($"{Prefix}/agents/{setup.Agent}/", new { max_concurrency = 100, simulation = new { latency_ms = 10 } }), "Agent updated successfully");
        var runId = await CreateRunAsync(client, setup.Space, setup.Agent, 5000);
        var run = await WaitForRunAsync(client, setup.Space, runId);
        Assert.Equal("completed", run["status"]!.GetValue<string>());
        Assert.Equal(5000, run["completed_tasks"]!.GetValue<int>());

        await using var db = Open(database);
        var attempts = await db.TaskAttempts.IgnoreQueryFilters().Select(t => new { t.TaskId, t.Number, t.Node }).ToListAsync();
        Assert.Equal(5000, attempts.Count);
        Assert.Equal(5000, attempts.Select(t => t.TaskId).Distinct().Count());
        Assert.All(attempts, t => Assert.Equal(1, t.Number));
        var perNode = attempts.GroupBy(t => t.Node).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(perNode.GetValueOrDefault("node-a") > 0 && perNode.GetValueOrDefault("node-b") > 0, $"work per node: {string.Join(", ", perNode)}");
    }

    /// <summary>
    /// Each process keeps who a key belongs to for a second (AccessCache.Lifetime); a key revoked
    /// through one process is refused by the other within two seconds, even while that one has it cached.
    /// </summary>
    protected async Task KeyRevokedOnOneProcessAsync()
    {
        await using var database = await CreateDatabaseAsync();
        using var folder = new TempFolder();
        var setup = await SeedAsync(database, agentUrl: null);
        await using var a = ServerProcess.Start(database, folder.Path, [.. FastEngine, "--Engine:NodeId=node-a"]);
        await using var b = ServerProcess.Start(database, folder.Path, [.. FastEngine, "--Engine:NodeId=node-b"]);
        var onA = await ClientAsync(a, setup);
        var created = (await ApiAssert.Envelope(await onA.PostJson($"{Prefix}/api-keys/", new { name = "short-lived" }), HttpStatusCode.Created))["data"]!;
        var onB = await ClientAsync(b, setup with { Key = created["key"]!.GetValue<string>() });
        for (var i = 0; i < 3; i++)
            await ApiAssert.Ok(await onB.GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully");

        Assert.Equal(HttpStatusCode.NoContent, (await onA.DeleteAsync($"{Prefix}/api-keys/{created["id"]}/")).StatusCode);
        await Eventually.WaitAsync(async () => (await onB.GetAsync($"{Prefix}/spaces/")).StatusCode == HttpStatusCode.Unauthorized,
            "the other process to refuse the revoked key", within: TimeSpan.FromSeconds(2));
        await ApiAssert.Error(await onB.GetAsync($"{Prefix}/spaces/"), HttpStatusCode.Unauthorized, "Invalid token.");
        await ApiAssert.Ok(await (await ClientAsync(b, setup)).GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully");
    }

    private static Task<TDb> CreateDatabaseAsync() => ProcessSetup.CreateDatabaseAsync<TDb>();
}

public sealed class ProcessTestsOnSqlite : ProcessTests<Sqlite>;

public sealed class ProcessTestsOnPostgres : ProcessTests<Postgres>
{
    [Fact]
    public Task TwoProcessesOnOneDatabase_ShareA5000TaskRun_RunningNoTaskTwice() => TwoProcessesShareARunAsync();

    [Fact]
    public Task KeyRevokedOnOneProcess_IsRefusedByTheOther_WithinTwoSeconds() => KeyRevokedOnOneProcessAsync();
}
