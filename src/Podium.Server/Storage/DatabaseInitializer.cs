using Podium.Server.Engine;

namespace Podium.Server.Storage;

/// <summary>
/// Runs before the server accepts requests: applies migrations, then on an empty database
/// creates the demo data and, once the server listens, prints its key and a curl line.
/// </summary>
public sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    IOptions<PodiumOptions> podium,
    IHostApplicationLifetime lifetime,
    PublicAddress address,
    KeyEncryptionKey keyEncryptionKey,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PodiumDb>();
        if (database.Value.AutoMigrate)
            await db.Database.MigrateAsync(cancellationToken);
        keyEncryptionKey.Report(logger);
        if (!podium.Value.Demo || await db.Organizations.AnyAsync(cancellationToken))
            return;

        DemoCredentials demo;
        try
        {
            demo = await DemoSeeder.SeedAsync(scope.ServiceProvider, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            // Another process sharing the database seeded it first.
            LogSeedSkipped(logger, e.Message);
            return;
        }
        lifetime.ApplicationStarted.Register(() => Console.Out.Write(DemoSeeder.Banner(demo, address.BaseUrl)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data was not created: {Reason}")]
    private static partial void LogSeedSkipped(ILogger logger, string reason);
}
