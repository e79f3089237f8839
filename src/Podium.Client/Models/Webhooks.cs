namespace Podium.Client;

/// <summary>An event subscription. <see cref="Secret"/> is returned once, when it is created.</summary>
public sealed record Webhook
{
    public int Id { get; init; }
    public string Url { get; init; } = "";
    /// <summary>Empty means every event type.</summary>
    public IReadOnlyList<string> EventTypes { get; init; } = [];
    public string Description { get; init; } = "";
    public bool Enabled { get; init; }
    /// <summary>Why Podium turned the subscription off (after 3 days of failed deliveries).</summary>
    public string? DisabledReason { get; init; }
    public DateTimeOffset? FailingSince { get; init; }
    /// <summary>Until when the secret before the last rotation still signs beside the current one.</summary>
    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ModifiedAt { get; init; }
    public string? Secret { get; init; }
}

public sealed record CreateWebhookRequest
{
    public required string Url { get; init; }
    /// <summary>See <see cref="WebhookEventTypes"/>; none means all.</summary>
    public IReadOnlyList<string>? EventTypes { get; init; }
    public string? Description { get; init; }
    public bool? Enabled { get; init; }
}

public sealed record UpdateWebhookRequest
{
    public string? Url { get; init; }
    public IReadOnlyList<string>? EventTypes { get; init; }
    public string? Description { get; init; }
    /// <summary>Turning a disabled subscription back on clears its failure state.</summary>
    public bool? Enabled { get; init; }
}

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>One event on its way to one subscription.</summary>
public sealed record WebhookDelivery
{
    public long Id { get; init; }
    public string EventId { get; init; } = "";
    public string EventType { get; init; } = "";
    public WebhookDeliveryStatus Status { get; init; }
    public int Attempts { get; init; }
    public int? LastStatusCode { get; init; }
    public int? LastLatencyMs { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
}

/// <summary>The event types a subscription can ask for.</summary>
public static class WebhookEventTypes
{
    public const string RunCreated = "run.created";
    public const string RunStatusChanged = "run.status_changed";
    public const string RunCompleted = "run.completed";
    public const string TaskStatusChanged = "task.status_changed";
    public const string TaskCompleted = "task.completed";
    public const string TaskFailed = "task.failed";
    public const string Test = "webhook.test";

    public static IReadOnlyList<string> All { get; } = [RunCreated, RunStatusChanged, RunCompleted, TaskStatusChanged, TaskCompleted, TaskFailed];
}
