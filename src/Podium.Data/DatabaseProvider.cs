using Microsoft.EntityFrameworkCore;

namespace Podium.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviderExtensions
{
    /// <summary>Points EF at the provider and at that provider's own migrations assembly.</summary>
    public static DbContextOptionsBuilder UsePodiumDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString,
                o => o.MigrationsAssembly("Podium.Migrations.Sqlite")).AddInterceptors(SqlitePragmas.Instance),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString,
                o => o.MigrationsAssembly("Podium.Migrations.Postgres")),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
}
