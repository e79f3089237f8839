namespace Podium.Data.Entities;

/// <summary>
/// One document of a run, executed through the run's agent. The engine's work lives here:
/// status, due time, lease and attempt count, so any server process can pick it up.
/// </summary>
public sealed class RunTask : ITenantOwned
{
    public long Id { get; set; }
    public int OrganizationId { get; set; }
    public long RunId { get; set; }
    public int SpaceId { get; set; }
    public int AgentId { get; set; }

    /// <summary>The id the API shows as <c>task_id</c>: "T" and 32 lowercase hex characters (column <c>TaskId</c>).</summary>
    public required string PublicId { get; set; }

    /// <summary>The 24-hex document id the docs show as <c>_id</c>.</summary>
    public required string DocumentId { get; set; }
    public string? RefId { get; set; }

    /// <summary>The submitted document (JSON), contact_number in E.164.</summary>
    public required string Input { get; set; }

    /// <summary>The result (JSON) once the agent produced one.</summary>
    public string? Output { get; set; }
    public TaskStatus Status { get; set; }
    public ExecutionType ExecutionType { get; set; }

    /// <summary>The recipient's E.164 number and IANA time zone, for calling hours.</summary>
    public string? Phone { get; set; }
    public string? RecipientTimeZone { get; set; }

    /// <summary>The caller id asked for this task (a single call's <c>from_number</c>); null lets the agent choose.</summary>
    public string? FromNumber { get; set; }

    /// <summary>When someone hung the call up: from then on the task gets no further attempt.</summary>
    public DateTime? HangupRequestedAt { get; set; }

    /// <summary>When the task may next start; set by the schedule, calling hours and retry backoff.</summary>
    public DateTime DueAt { get; set; }
    public DateTime? ScheduledFor { get; set; }

    /// <summary>Which process holds the task and until when; an expired lease frees it.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>True while a webhook agent that answered 202 owes the result (until the lease expiry).</summary>
    public bool AwaitingCallback { get; set; }

    /// <summary>The number of the current (or last) attempt; 0 before the first.</summary>
    public int Attempt { get; set; }
    /// <summary>The attempt count when the run was last retried by hand; the retry policy counts from here.</summary>
    public int RetryBaseAttempt { get; set; }
    public int FailureCount { get; set; }
    public string? LastFailureReason { get; set; }
    public string? Outcome { get; set; }

    /// <summary>The agent's post-call outcome (e.g. interested, call_back), for analytics.</summary>
    public string? Disposition { get; set; }

    /// <summary>The agent's 0-100 success score for the call, when it gives one.</summary>
    public int? SuccessScore { get; set; }

    /// <summary>Cost of all attempts in millionths of the currency unit (exact sums on every provider).</summary>
    public long CostMicros { get; set; }
    public DateTime LastStatusChange { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
    public Run Run { get; set; } = null!;
}

public enum TaskStatus
{
    Pending = 1,
    Scheduled = 2,
    InProgress = 3,
    Completed = 4,
    Failed = 5,
    Cancelled = 6,
}

public enum ExecutionType
{
    Call = 1,
    Email = 2,
    Answer = 3,
}
