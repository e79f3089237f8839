namespace Podium.Data.Entities;

/// <summary>An organization's endpoint for event notifications.</summary>
public sealed class WebhookSubscription : ITenantOwned
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string Url { get; set; }

    /// <summary>Comma-separated event types; empty means every type.</summary>
    public string EventTypes { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The signing secret, encrypted with Data Protection; shown once at creation.</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>The secret before the last rotation: it signs beside the new one until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? ProtectedPreviousSecret { get; set; }
    public DateTime? PreviousSecretExpiresAt { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>Why delivery stopped, when Podium disabled the subscription itself.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>When the current run of failed deliveries began; null while deliveries succeed.</summary>
    public DateTime? FailingSince { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

/// <summary>
/// One event, written in the same transaction as the state change it reports (the outbox), so
/// the change and its notification are never separated.
/// </summary>
public sealed class WebhookEvent : ITenantOwned
{
    public long Id { get; set; }
    public int OrganizationId { get; set; }

    /// <summary>"evt_" and 24 hex characters; a receiver that sees it twice can drop the repeat.</summary>
    public required string EventId { get; set; }
    public required string Type { get; set; }

    /// <summary>The body as sent: id, type, created_at, organization, data.</summary>
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An event on its way to one subscription, retried with backoff until it lands or expires.</summary>
public sealed class WebhookDelivery : ITenantOwned
{
    public long Id { get; set; }
    public int OrganizationId { get; set; }
    public long EventRowId { get; set; }
    public WebhookEvent Event { get; set; } = null!;
    public int SubscriptionId { get; set; }
    public WebhookDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
    public int? LastStatusCode { get; set; }
    public int? LastLatencyMs { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
}

public enum WebhookDeliveryStatus
{
    Pending = 1,
    Delivered = 2,

    /// <summary>Given up: retried for the whole retry window, or the subscription was disabled.</summary>
    Failed = 3,
}
