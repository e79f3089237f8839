using Microsoft.EntityFrameworkCore;
using Podium.Data;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Data;

/// <summary>The settings are made once per physical connection, and every open still has them.</summary>
public sealed class SqlitePragmaTests
{
    [Fact]
    public async Task EveryOpen_PooledOrNew_HasWalNormalSyncAndABusyTimeout()
    {
        await using var database = new Sqlite();
        var builder = new DbContextOptionsBuilder<PodiumDb>();
        builder.UsePodiumDatabase(database.Provider, database.ConnectionString);
        var options = builder.Options;
        for (var i = 0; i < 3; i++)
        {
            await using var db = new PodiumDb(options);
            // Two opens per context: the second takes the handle the first gave back to the pool.
            for (var open = 0; open < 2; open++)
            {
                Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode"));
                Assert.Equal("1", await ScalarAsync(db, "PRAGMA synchronous"));
                Assert.Equal("30000", await ScalarAsync(db, "PRAGMA busy_timeout"));
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var fresh = new PodiumDb(options))
            Assert.Equal("1", await ScalarAsync(fresh, "PRAGMA synchronous"));
    }

    private static async Task<string?> ScalarAsync(PodiumDb db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
