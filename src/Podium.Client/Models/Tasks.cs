using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Podium.Client;

/// <summary>A task's state. (Named so it does not collide with <see cref="System.Threading.Tasks.TaskStatus"/>.)</summary>
public enum PodiumTaskStatus
{
    Pending,
    Scheduled,
    InProgress,
    Completed,
    Failed,
    Cancelled,
}

public enum ExecutionType
{
    Call,
    Email,
    Answer,
}

public enum RunStatus
{
    Pending,
    Running,
    Completed,
    PartiallyCompleted,
    Failed,
    Paused,
    Cancelled,
}

/// <summary>One task: one contact worked by one agent, with its result in <see cref="Output"/>.</summary>
public sealed record PodiumTask
{
    public string TaskId { get; init; } = "";
    /// <summary>The document (contact) the task was made from.</summary>
    [JsonPropertyName("_id")]
    public string DocumentId { get; init; } = "";
    public string RunId { get; init; } = "";
    public string? ThreadId { get; init; }
    public UserInfo UserInfo { get; init; } = new();
    public TaskObjective Task { get; init; } = new();
    /// <summary>The document as sent, every key kept.</summary>
    public JsonNode? Input { get; init; }
    /// <summary>The result: status, transcript, summary, outcome, duration, cost, post-call data.</summary>
    public JsonNode? Output { get; init; }
    public IReadOnlyList<JsonNode?> Attachments { get; init; } = [];
    /// <summary>The agent's handle.</summary>
    public string Assignee { get; init; } = "";
    public PodiumTaskStatus Status { get; init; }
    public ExecutionType ExecutionType { get; init; }
    public string RunMode { get; init; } = "";
    public string? RefId { get; init; }
    public int FailureCount { get; init; }
    public string? LastFailureReason { get; init; }
    public int RetryAttempt { get; init; }
    public int Attempt { get; init; }
    /// <summary>The last attempt's outcome: <c>completed</c>, <c>voicemail</c>, <c>busy</c>, <c>no_answer</c>, <c>failed</c>.</summary>
    public string? Outcome { get; init; }
    public decimal Cost { get; init; }
    public DateTimeOffset LastStatusChange { get; init; }
    public DateTimeOffset? ScheduledTimestamp { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; init; }
}

public sealed record UserInfo
{
    public string Email { get; init; } = "";
    public string FullName { get; init; } = "";
}

public sealed record TaskObjective
{
    public string Objective { get; init; } = "";
}

/// <summary>
/// A batch of contacts for one agent: one task per document. Either <see cref="Documents"/>, or
/// <see cref="Filters"/> to take the documents from the space's collection (e.g. <c>{"labels": ["warm-lead"]}</c>).
/// </summary>
public sealed record CreateTaskRequest
{
    /// <summary>The agent's handle.</summary>
    public required string Pilot { get; init; }
    /// <summary>Contacts, each an object with at least <c>contact_number</c> (and any other keys).</summary>
    public IReadOnlyList<JsonObject>? Documents { get; init; }
    public string? Context { get; init; }
    public Schedule? Schedule { get; init; }
    public JsonObject? Filters { get; init; }
}

/// <summary>
/// When the run starts: <c>now</c>; <c>custom</c> with <see cref="CallingDate"/> (YYYY-MM-DD) and
/// <see cref="CallingTime"/> (HH:mm) in <see cref="Timezone"/>; <c>at</c> an instant; <c>auto</c> the agent's next calling slot.
/// </summary>
public sealed record Schedule
{
    public string? Type { get; init; }
    public string? CallingDate { get; init; }
    public string? CallingTime { get; init; }
    public string? Timezone { get; init; }
    public DateTimeOffset? At { get; init; }

    public static Schedule Now { get; } = new() { Type = "now" };

    public static Schedule Auto { get; } = new() { Type = "auto" };

    public static Schedule Starting(DateTimeOffset at) => new() { Type = "at", At = at };
}

public sealed record CreatedRun
{
    public string RunId { get; init; } = "";
    public IReadOnlyList<string> TaskIds { get; init; } = [];
    public string Status { get; init; } = "";
}

public sealed record Run
{
    public string RunId { get; init; } = "";
    public int SpaceId { get; init; }
    public int User { get; init; }
    public string? ThreadId { get; init; }
    public string CollectionRef { get; init; } = "";
    public string RunMode { get; init; } = "";
    public RunStatus Status { get; init; }
    public int BatchCount { get; init; }
    public string AgentHandle { get; init; } = "";
    public string Objective { get; init; } = "";
    public int TotalTasks { get; init; }
    public int CompletedTasks { get; init; }
    public int FailedTasks { get; init; }
    public int PendingTasks { get; init; }
    public int InProgressTasks { get; init; }
    public int CancelledTasks { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; init; }

    /// <summary>True once no task of the run will change again.</summary>
    [JsonIgnore]
    public bool IsFinished => Status is RunStatus.Completed or RunStatus.PartiallyCompleted or RunStatus.Failed or RunStatus.Cancelled;
}

/// <summary>What to do with a run.</summary>
public enum RunAction
{
    /// <summary>Cancel the tasks not started; those in progress finish.</summary>
    Cancel,
    /// <summary>Start no more tasks until resumed.</summary>
    Pause,
    Resume,
    /// <summary>Run the failed tasks again.</summary>
    Retry,
}
