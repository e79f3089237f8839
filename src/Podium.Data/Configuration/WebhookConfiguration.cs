using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Podium.Data.Entities;

namespace Podium.Data.Configuration;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.Property(e => e.Url).HasMaxLength(2000);
        b.Property(e => e.EventTypes).HasMaxLength(500);
        b.Property(e => e.Description).HasMaxLength(500);
        b.Property(e => e.ProtectedSecret).HasMaxLength(2000);
        b.Property(e => e.ProtectedPreviousSecret).HasMaxLength(2000);
        b.Property(e => e.DisabledReason).HasMaxLength(1000);
        b.HasIndex(e => new { e.OrganizationId, e.Enabled });
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> b)
    {
        b.Property(e => e.EventId).HasMaxLength(32);
        b.Property(e => e.Type).HasMaxLength(64);
        b.Property(e => e.Payload).HasMaxLength(2000000);
        b.HasIndex(e => e.EventId).IsUnique();
        b.HasIndex(e => new { e.OrganizationId, e.Id });
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.LeaseOwner).HasMaxLength(128);
        b.Property(e => e.LastError).HasMaxLength(1000);
        // The sender's search spans tenants: due deliveries in time order.
        b.HasIndex(e => new { e.Status, e.NextAttemptAt });
        b.HasIndex(e => new { e.OrganizationId, e.SubscriptionId, e.Id });
        b.HasOne(e => e.Event).WithMany().HasForeignKey(e => e.EventRowId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(e => e.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
