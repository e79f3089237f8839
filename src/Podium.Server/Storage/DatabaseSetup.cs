using Microsoft.Data.Sqlite;

namespace Podium.Server.Storage;

public sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> (default, one process) or <c>Postgres</c> (several processes may share it).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up (and before admin commands).</summary>
    public bool AutoMigrate { get; set; } = true;
}

/// <summary>The provider and the resolved connection string, worked out once per process.</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString);

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Podium";
    private const string DefaultSqlite = "Data Source=data/podium.db";

    /// <summary>
    /// Registers <see cref="PodiumDb"/> from <c>Database:Provider</c> and <c>ConnectionStrings:Podium</c>.
    /// Both are read when the first context is made, so configuration added late (tests) still counts.
    /// </summary>
    public static IHostApplicationBuilder AddPodiumDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration("Database");
        builder.Services.AddSingleton(sp =>
        {
            var provider = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
            var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
            var contentRoot = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new DatabaseConnection(provider, ResolveConnectionString(provider, configured, contentRoot));
        });
        builder.Services.AddSingleton<AccessCache>();
        builder.Services.AddSingleton<AccessWrites>();
        // The options are built once (singleton), not for every request's context.
        builder.Services.AddDbContext<PodiumDb>((sp, o) =>
        {
            var connection = sp.GetRequiredService<DatabaseConnection>();
            o.UsePodiumDatabase(connection.Provider, connection.ConnectionString);
            o.AddInterceptors(sp.GetRequiredService<AccessWrites>());
        }, optionsLifetime: ServiceLifetime.Singleton);
        // The key ring lives in the database, so every process (and a restart) reads the same keys.
        builder.Services.AddDataProtection().SetApplicationName("Podium").PersistKeysToDbContext<PodiumDb>();
        builder.Services.AddKeyRingProtection();
        return builder;
    }

    /// <summary>
    /// A relative SQLite path is taken from the content root, and its folder is made, so
    /// "Data Source=data/podium.db" works the same for the server and the admin commands.
    /// </summary>
    private static string ResolveConnectionString(DatabaseProvider provider, string? configured, string contentRoot)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Podium is not set.")
                : configured;
        }
        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultSqlite : configured);
        if (sqlite.DataSource != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
        {
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        }
        return sqlite.ToString();
    }
}
