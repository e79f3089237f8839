using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Engine;

/// <summary>A node of 267 slots, on the real clock: one organization may hold three quarters of them (200).</summary>
public sealed class FairShareApp<TDb> : PodiumApp<TDb> where TDb : TestDatabase, new()
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Engine:MaxConcurrentTasks", "267");
        builder.UseSetting("Engine:PollInterval", "00:00:00.050");
    }
}

public abstract class FairShareTests<TDb>(FairShareApp<TDb> app) : ApiTestBase<TDb>(app), IClassFixture<FairShareApp<TDb>> where TDb : TestDatabase, new()
{
    [Fact]
    public async Task WhileOneOrganizationFillsItsShareWithLongCalls_AnotherOrganizationsRunCompletesAtOnce()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int inFlight = 0, most = 0;
        await using var slow = await LoopbackServer.StartAsync(a => a.MapPost("/agent", async (HttpContext context) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            // A 45-second call, unless the test is over first.
            await Task.WhenAny(release.Task, Task.Delay(TimeSpan.FromSeconds(45)));
            Interlocked.Decrement(ref inFlight);
            return Results.Json(new { outcome = "completed", output = new { call_status = "completed" } });
        }));
        try
        {
            var busy = await NewOrgAsync();
            var busyAdmin = ClientFor(busy, busy.Admin);
            var busySpace = await SpaceAsync(busyAdmin, 400);
            var busyAgent = await AgentAsync(busyAdmin, new { name = "Slow", state = "published", max_concurrency = 400, runtime = new { type = "webhook", url = $"{LoopbackServer.Address(slow)}/agent" } });
            await ApiAssert.Ok(await busyAdmin.PostJson($"{Prefix}/spaces/{busySpace}/tasks/create/", new { pilot = busyAgent, documents = Contacts(400) }), "Task Created Successfully");
            await Eventually.WaitAsync(() => Volatile.Read(ref inFlight) >= 200, "the first organization to fill its share", TimeSpan.FromSeconds(40));

            var quiet = await NewOrgAsync();
            var quietAdmin = ClientFor(quiet, quiet.Admin);
            var quietSpace = await SpaceAsync(quietAdmin, null);
            var quietAgent = await AgentAsync(quietAdmin, new { name = "Quick", state = "published", simulation = new { latency_ms = 0 } });
            var started = Stopwatch.StartNew();
            var run = (await ApiAssert.Ok(await quietAdmin.PostJson($"{Prefix}/spaces/{quietSpace}/tasks/create/", new { pilot = quietAgent, documents = Contacts(1) }), "Task Created Successfully"))["data"]!["run_id"]!.GetValue<string>();
            await Eventually.WaitAsync(async () => (await ApiAssert.Ok(await quietAdmin.GetAsync($"{Prefix}/spaces/{quietSpace}/runs/{run}/"), "Run fetched successfully"))["data"]!["status"]!.GetValue<string>() == "completed",
                "the second organization's run", TimeSpan.FromSeconds(40));
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"the one-task run took {started.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal(200, Volatile.Read(ref most));
        }
        finally
        {
            release.TrySetResult();
        }
    }

    private static object[] Contacts(int count) =>
        Enumerable.Range(0, count).Select(i => (object)new { name = $"Contact {i}", contact_number = $"+1415555{i:0000}" }).ToArray();

    private static async Task<string> SpaceAsync(HttpClient admin, int? concurrency) =>
        (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", new { name = "Calls", content_type = "contact", max_concurrency = concurrency }), HttpStatusCode.Created))["data"]!["token"]!.GetValue<string>();

    private static async Task<string> AgentAsync(HttpClient admin, object body) =>
        (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", body), HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

}

public sealed class FairShareTestsOnSqlite(FairShareApp<Sqlite> app) : FairShareTests<Sqlite>(app);

public sealed class FairShareTestsOnPostgres(FairShareApp<Postgres> app) : FairShareTests<Postgres>(app);
