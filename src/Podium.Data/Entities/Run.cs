namespace Podium.Data.Entities;

/// <summary>One create-task request: a batch of tasks executed through one agent.</summary>
public sealed class Run : ITenantOwned
{
    public long Id { get; set; }
    public int OrganizationId { get; set; }
    public int SpaceId { get; set; }
    public int AgentId { get; set; }

    /// <summary>The id the API shows as <c>run_id</c>: "R" and 32 lowercase hex characters (column <c>RunId</c>).</summary>
    public required string PublicId { get; set; }
    public int CreatedByUserId { get; set; }

    /// <summary>The run's objective (the request's <c>context</c>).</summary>
    public string Objective { get; set; } = "";
    public RunStatus Status { get; set; }
    public string RunMode { get; set; } = "prod";
    public int TotalTasks { get; set; }

    /// <summary>The request's <c>schedule</c> and <c>filters</c>, kept as sent (JSON).</summary>
    public string? Schedule { get; set; }
    public string? Filters { get; set; }

    /// <summary>The client's Idempotency-Key and the SHA-256 of what it was sent with.</summary>
    public string? IdempotencyKey { get; set; }
    public byte[]? RequestHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
    public Space Space { get; set; } = null!;
    public Agent Agent { get; set; } = null!;
}

public enum RunStatus
{
    Pending = 1,
    Running = 2,
    Completed = 3,
    PartiallyCompleted = 4,
    Failed = 5,
    Paused = 6,
    Cancelled = 7,
}
