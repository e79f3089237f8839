using Microsoft.Data.Sqlite;
using Npgsql;

namespace Podium.Server.Features.Common;

/// <summary>
/// Recognises a unique-index violation on either provider. Pre-checks race with concurrent
/// writers (or other server processes); the index is the real guard and this turns it into a 409.
/// </summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <summary>Saves, turning a unique-index violation (a concurrent write past the pre-check) into <paramref name="conflict"/>.</summary>
    public static async Task<ApiError?> SaveAsync(PodiumDb db, ApiError conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (Is(e))
        {
            return conflict;
        }
    }
}
