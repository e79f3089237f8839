using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Podium.Data.Entities;

namespace Podium.Data.Configuration;

internal sealed class SpaceConfiguration : IEntityTypeConfiguration<Space>
{
    public void Configure(EntityTypeBuilder<Space> b)
    {
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Slug).HasMaxLength(220);
        b.Property(e => e.Token).HasMaxLength(24);
        b.Property(e => e.Description).HasMaxLength(2000);
        b.Property(e => e.Logo).HasMaxLength(2000);
        b.Property(e => e.PrivacyType).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.SpaceType).HasMaxLength(32);
        b.Property(e => e.ContentType).HasMaxLength(32);
        b.HasIndex(e => e.Token).IsUnique();
        b.HasIndex(e => new { e.OrganizationId, e.Slug }).IsUnique();
        // The list endpoint reads one organization's live spaces newest first.
        b.HasIndex(e => new { e.OrganizationId, e.DeletedAt, e.Id });
        // A member's or viewer's request looks up the organization's private spaces.
        b.HasIndex(e => new { e.OrganizationId, e.PrivacyType });
        b.HasOne(e => e.Organization).WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Agent).WithMany().HasForeignKey(e => e.AgentId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(e => e.Members).WithOne().HasForeignKey(e => e.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SpaceMemberConfiguration : IEntityTypeConfiguration<SpaceMember>
{
    public void Configure(EntityTypeBuilder<SpaceMember> b)
    {
        b.HasKey(e => new { e.OrganizationId, e.SpaceId, e.UserId });
        b.HasIndex(e => new { e.OrganizationId, e.UserId });
        b.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
