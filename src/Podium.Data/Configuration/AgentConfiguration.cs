using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Podium.Data.Entities;

namespace Podium.Data.Configuration;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    private static readonly JsonSerializerOptions SettingsJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public void Configure(EntityTypeBuilder<Agent> b)
    {
        b.Property(e => e.Handle).HasMaxLength(64);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Purpose).HasMaxLength(2000);
        b.Property(e => e.Description).HasMaxLength(2000);
        // Plain text holding JSON keeps the column portable between SQLite and PostgreSQL.
        b.Property(e => e.Settings)
            .HasConversion(
                v => JsonSerializer.Serialize(v, SettingsJson),
                v => JsonSerializer.Deserialize<AgentSettings>(v, SettingsJson) ?? new AgentSettings())
            .HasMaxLength(8000);
        b.HasIndex(e => e.Handle).IsUnique();
        b.HasIndex(e => new { e.OrganizationId, e.State, e.Id });
        b.HasIndex(e => new { e.OrganizationId, e.SpaceId });
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Space).WithMany().HasForeignKey(e => e.SpaceId).OnDelete(DeleteBehavior.SetNull);
    }
}
