using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Podium.Data.Entities;

namespace Podium.Data.Configuration;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(e => e.Email).HasMaxLength(254);
        b.Property(e => e.FullName).HasMaxLength(200);
        b.HasIndex(e => e.Email).IsUnique();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.HasKey(e => new { e.OrganizationId, e.UserId });
        b.Property(e => e.Role).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(e => e.UserId);
        b.HasOne(e => e.Organization).WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Prefix).HasMaxLength(16);
        b.Property(e => e.Hash).HasMaxLength(32);
        b.HasIndex(e => e.Hash).IsUnique();
        b.HasIndex(e => e.UserId);
        b.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(e => e.Email).HasMaxLength(254);
        b.Property(e => e.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        // One invitation per address and organization: inviting again renews it.
        b.HasIndex(e => new { e.OrganizationId, e.Email }).IsUnique();
        b.HasIndex(e => new { e.Email, e.Status });
        b.HasOne(e => e.Organization).WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.InvitedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
