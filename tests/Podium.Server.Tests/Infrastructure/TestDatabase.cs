using Npgsql;
using Podium.Data;

namespace Podium.Server.Tests.Infrastructure;

/// <summary>A real, empty database for one test class; created on demand, dropped afterwards.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Why this kind of database cannot be used here, or null when it can.</summary>
    public virtual string? Unavailable => null;
    public abstract string ConnectionString { get; }

    public abstract Task CreateAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>Configuration that points the server (or an admin command) at this database.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Podium"] = ConnectionString,
    };
}

public sealed class Sqlite : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"podium-test-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override string ConnectionString => $"Data Source={_path}";

    public override Task CreateAsync() => Task.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm", _path + ".kek" })
            File.Delete(file);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A fresh database on the PostgreSQL server named by PODIUM_TEST_POSTGRES (a connection string
/// with rights to create databases). CI sets it; without it the PostgreSQL test classes are skipped.
/// </summary>
public sealed class Postgres : TestDatabase
{
    public const string Variable = "PODIUM_TEST_POSTGRES";
    private readonly string _name = $"podium_test_{Guid.NewGuid():N}";

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string? Unavailable => ServerConnectionString is null ? $"{Variable} is not set; PostgreSQL tests skipped." : null;

    public override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _name }.ToString();

    public override async Task CreateAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (ServerConnectionString is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
