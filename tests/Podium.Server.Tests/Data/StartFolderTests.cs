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

public sealed class StartFolderTestsOnSqlite : StartFolderTests<Sqlite>;

public sealed class StartFolderTestsOnPostgres : StartFolderTests<Postgres>;
