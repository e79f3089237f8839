namespace Podium.Data.Entities;

/// <summary>One execution of a task by an agent: a call attempt, with its result.</summary>
public sealed class TaskAttempt : ITenantOwned
{
    public long Id { get; set; }
    public int OrganizationId { get; set; }
    public long TaskId { get; set; }
    public int Number { get; set; }
    public required string Node { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>completed, busy, no_answer, failed (or null while running).</summary>
    public string? Outcome { get; set; }
    public string? Error { get; set; }
    public int? DurationSeconds { get; set; }
    public long CostMicros { get; set; }
}
