using System.Net;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Data;

/// <summary>The executable started from a folder that is not its own, as a service manager or a script starts it.</summary>
public abstract class StartFolderTests<TDb> where TDb : TestDatabase, new()
{
    [Fact]
    public async Task ServerStartedElsewhere_AtDefaultSettings_LogsNoSqlCommands_AndWritesJsonLines()
    {
        var database = new TDb();
        Assert.SkipWhen(database.Unavailable is not null, database.Unavailable ?? "");
        await using var _ = database;
        await database.CreateAsync();
        using var folder = new TempFolder();

        await using var server = ServerProcess.Start(database, folder.Path, "--no-demo");
        var address = await server.ListeningAsync();
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Add("Authorization", "Token pdm_not-a-key");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"{address}/api/v2/platform/organizations/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{address}/readyz")).StatusCode);
        await server.StopGracefullyAsync();

        var output = server.Output;
        Assert.Contains("Content root path:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Executed DbCommand", output, StringComparison.Ordinal);
        // Not a terminal: one JSON object per line, for log collectors.
        Assert.All(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), line => Assert.StartsWith("{", line, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }
}

/// <summary>The management port: /metrics there and nowhere else, and the API not there.</summary>
public sealed class ManagementPortTests
{
    [Fact]
    public async Task MetricsPort_ServesMetricsOnly_AndTheApiPortServesNoMetrics()
    {
        var database = new Sqlite();
        await using var _ = database;
        using var folder = new TempFolder();
        var port = FreePort();
        await using var server = ServerProcess.Start(database, folder.Path, "--no-demo", $"--Metrics:Port={port}");
        var api = await server.ListeningAsync();
        using var client = new HttpClient();
        var management = $"http://127.0.0.1:{port}";
        for (var i = 0; i < 100 && !(await TryGetAsync(client, $"{management}/metrics")).IsSuccessStatusCode; i++) await Task.Delay(100);

        var metrics = await client.GetAsync($"{management}/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("podium_engine", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{management}/api/v2/platform/organizations/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{management}/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{api}/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{api}/readyz")).StatusCode);

        // Request metrics are checked here, in a process of their own: in a test process several hosts
        // make meters of one name, and disposing one silences the others' streams in OpenTelemetry.
        var after = await (await client.GetAsync($"{management}/metrics")).Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds_count", after, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> TryGetAsync(HttpClient client, string url)
    {
        try
        {
            return await client.GetAsync(url);
        }
        catch (HttpRequestException)
        {
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class StartFolderTestsOnSqlite : StartFolderTests<Sqlite>;

public sealed class StartFolderTestsOnPostgres : StartFolderTests<Postgres>;
