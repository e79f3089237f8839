using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Podium.Data;

namespace Podium.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the model for this provider without a database server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PodiumDb>
{
    public PodiumDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PodiumDb>();
        options.UsePodiumDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=podium_design");
        return new PodiumDb(options.Options);
    }
}
