using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Podium.Data.Entities;

namespace Podium.Data.Configuration;

internal sealed class CollectionDocumentConfiguration : IEntityTypeConfiguration<CollectionDocument>
{
    public void Configure(EntityTypeBuilder<CollectionDocument> b)
    {
        b.Property(e => e.DocumentId).HasMaxLength(255);
        b.Property(e => e.Name).HasMaxLength(500);
        b.Property(e => e.Phone).HasMaxLength(20);
        b.Property(e => e.Email).HasMaxLength(320);
        b.Property(e => e.Data).HasMaxLength(100000);
        b.Property(e => e.SearchText).HasMaxLength(2000);
        b.HasIndex(e => new { e.SpaceId, e.DocumentId }).IsUnique();
        b.HasIndex(e => new { e.SpaceId, e.Phone });
        b.HasIndex(e => new { e.OrganizationId, e.SpaceId, e.Id });
        b.HasMany(e => e.Labels).WithOne().HasForeignKey(e => e.DocumentRowId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Space>().WithMany().HasForeignKey(e => e.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentLabelConfiguration : IEntityTypeConfiguration<DocumentLabel>
{
    public void Configure(EntityTypeBuilder<DocumentLabel> b)
    {
        b.HasKey(e => new { e.DocumentRowId, e.Label });
        b.Property(e => e.Label).HasMaxLength(100);
        // Label filters: the space's documents with a label, in document order.
        b.HasIndex(e => new { e.SpaceId, e.Label, e.DocumentRowId });
    }
}
