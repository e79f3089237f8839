using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Podium.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL keeps every committed
/// transaction through a process crash (kill -9 included) and skips the fsync per commit that
/// FULL pays; only an operating-system crash or power loss can drop the last commits.
/// busy_timeout lets a writer wait for another instead of failing at once.
/// They are set once per physical connection: the pool hands the same SQLite handle to many
/// opens, and a handle keeps its settings.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static readonly ConditionalWeakTable<object, object> Prepared = [];
    private static readonly object Done = new();

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && Prepared.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
        if (connection is SqliteConnection { Handle: { } opened }) Prepared.AddOrUpdate(opened, Done);
    }
}
