using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Podium.Data;

namespace Podium.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for this provider without starting the server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PodiumDb>
{
    public PodiumDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PodiumDb>();
        options.UsePodiumDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new PodiumDb(options.Options);
    }
}
