using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Podium.Data.Entities;

namespace Podium.Data.Configuration;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(e => e.KeyPrefix).HasMaxLength(16);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.TargetType).HasMaxLength(32);
        b.Property(e => e.TargetId).HasMaxLength(255);
        b.Property(e => e.Fields).HasMaxLength(2000);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.RequestId).HasMaxLength(128);
        b.HasIndex(e => new { e.OrganizationId, e.Id });
        b.HasIndex(e => new { e.OrganizationId, e.Action, e.Id });
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
