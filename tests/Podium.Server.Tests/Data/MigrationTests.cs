using Microsoft.EntityFrameworkCore;
using Podium.Data;

namespace Podium.Server.Tests.Data;

public sealed class MigrationTests
{
    /// <summary>Fails when the model changed without `scripts/add-migration` for that provider.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=unused")]
    public void Migrations_ForEachProvider_AreNotBehindTheModel(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PodiumDb>();
        options.UsePodiumDatabase(provider, connectionString);
        using var db = new PodiumDb(options.Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model: run scripts/add-migration.");
    }
}
