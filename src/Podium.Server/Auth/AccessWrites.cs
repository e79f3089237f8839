using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Podium.Server.Auth;

/// <summary>
/// Clears the <see cref="AccessCache"/> when this process writes a table its entries are read from,
/// whichever way the write is made (a save, a bulk update or delete, a cascade from users or
/// organizations), once when the statement runs and again when its transaction commits.
/// </summary>
public sealed class AccessWrites(AccessCache cache) : IDbCommandInterceptor, IDbTransactionInterceptor
{
    /// <summary>Tags the background write of keys' last use, which changes nothing the cache holds.</summary>
    public const string LastUsedTag = "podium:last-used";

    private static readonly string[] Tables = ["\"ApiKeys\"", "\"Memberships\"", "\"Organizations\"", "\"Users\"", "\"Spaces\"", "\"SpaceMembers\"", "\"Agents\""];
    private static readonly string[] Writes = ["INSERT ", "UPDATE ", "DELETE "];

    private readonly ConditionalWeakTable<DbTransaction, object> _pending = [];

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Seen(command, result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Seen(command, result));

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) => Seen(command, result);

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Seen(command, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_pending.Remove(transaction)) cache.Clear();
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    private T Seen<T>(DbCommand command, T result)
    {
        if (!Touches(command.CommandText)) return result;
        cache.Clear();
        // Readers in other requests may load the old rows again until the transaction commits.
        if (command.Transaction is { } transaction) _pending.AddOrUpdate(transaction, this);
        return result;
    }

    private static bool Touches(string sql)
    {
        if (!Writes.Any(w => sql.Contains(w, StringComparison.Ordinal)) || sql.Contains(LastUsedTag, StringComparison.Ordinal)) return false;
        return Tables.Any(t => sql.Contains(t, StringComparison.Ordinal));
    }
}
