using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Podium.Server.Storage;

/// <summary>Tells the database errors worth trying again from those that will fail the same way every time.</summary>
public static class DatabaseErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsDatabaseError(Exception e) => e is DbException or DbUpdateException;

    /// <summary>Busy, locked, unreachable, timed out, or a deadlock or serialization victim (PostgreSQL's own classification).</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        // How an execution strategy that does not retry reports a transient failure (a deadlock victim, say).
        InvalidOperationException { InnerException: DbException inner } => IsTransient(inner),
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked || sqlite.IsTransient,
        DbException db => db.IsTransient,
        _ => false,
    };

    /// <summary>A database error that trying again will not mend: a value too long, a broken constraint, bad data.</summary>
    public static bool IsPermanent(Exception e) => IsDatabaseError(e) && !IsTransient(e);
}
