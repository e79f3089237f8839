using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Podium.Data.Entities;

namespace Podium.Data.Configuration;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Domain).HasMaxLength(253);
        b.Property(e => e.DomainHandle).HasMaxLength(100);
        b.Property(e => e.Token).HasMaxLength(20);
        b.Property(e => e.DefaultPhoneRegion).HasMaxLength(2);
        b.Property(e => e.TimeZone).HasMaxLength(64);
        b.HasIndex(e => e.DomainHandle).IsUnique();
        b.HasIndex(e => e.Token).IsUnique();
    }
}
