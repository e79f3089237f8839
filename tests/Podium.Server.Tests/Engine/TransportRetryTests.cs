using System.Diagnostics;
using System.Net;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Engine;

/// <summary>An agent whose server closes each connection after answering, as Python's stock http.server does.</summary>
public abstract class TransportRetryTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    [Fact]
    public async Task AnHttp10AgentAtConcurrency20_CompletesEveryTask_InOneAttempt()
    {
        using var python = StartPythonAgent(out var url);
        try
        {
            var (org, space, _) = await SetUpAsync();
            var created = await ApiAssert.Envelope(await org.Client(App, org.Admin).PostJson($"{Prefix}/agents/", new
            {
                name = "Python agent",
                state = "published",
                runtime = new { type = "webhook", url },
                max_concurrency = 20,
                retry = new { max_attempts = 1 },
            }), HttpStatusCode.Created);
            var runId = await CreateRunAsync(org, space, new { pilot = created["data"]!["handle"]!.GetValue<string>(), documents = Contacts(300) });
            await App.RunEngineAsync();

            var run = await RunAsync(org, space, runId);
            var failures = (await TasksAsync(org, space, runId)).Select(t => t!["last_failure_reason"]?.GetValue<string>()).OfType<string>().Distinct();
            Assert.True(run["completed_tasks"]!.GetValue<int>() == 300, $"{run.ToJsonString()}; failures: {string.Join("; ", failures)}");
            Assert.Equal("completed", run["status"]!.GetValue<string>());
        }
        finally
        {
            python.Kill();
        }
    }

    private static Process StartPythonAgent(out string url)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Engine", "Agents", "http10_agent.py"));
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        url = $"http://127.0.0.1:{process.StandardOutput.ReadLine()}/agent";
        return process;
    }
}

public sealed class TransportRetryTestsOnSqlite(EngineApp<Sqlite> app) : TransportRetryTests<Sqlite>(app);

public sealed class TransportRetryTestsOnPostgres(EngineApp<Postgres> app) : TransportRetryTests<Postgres>(app);
