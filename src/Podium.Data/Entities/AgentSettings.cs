namespace Podium.Data.Entities;

/// <summary>
/// An agent's runtime configuration, stored as one JSON column so the engine can grow
/// without a migration per knob. Every value has a working default.
/// </summary>
public sealed record AgentSettings
{
    public AgentRuntime Runtime { get; init; } = AgentRuntime.Simulated;

    /// <summary>Where a webhook agent's tasks are POSTed; null for simulated agents.</summary>
    public string? Url { get; init; }

    /// <summary>How long a webhook agent has to answer one task.</summary>
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>Most tasks of this agent in progress at once, across all server processes.</summary>
    public int MaxConcurrency { get; init; } = 10;

    /// <summary>Days a task may start, in the recipient's time zone; empty means every day.</summary>
    public IReadOnlyList<DayOfWeek> CallingDays { get; init; } = [];

    /// <summary>Time ranges a task may start, in the recipient's time zone; empty means any time.</summary>
    public IReadOnlyList<TimeRange> CallingHours { get; init; } = [];

    /// <summary>Attempts per task, the first included.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Outcomes that earn another attempt.</summary>
    public IReadOnlyList<string> RetryOn { get; init; } = ["busy", "no_answer", "failed"];

    /// <summary>Wait before the second attempt; doubles for each attempt after it.</summary>
    public int BackoffSeconds { get; init; } = 300;

    public SimulationSettings Simulation { get; init; } = new();
}

public sealed record TimeRange(TimeOnly Start, TimeOnly End);

/// <summary>How the built-in simulated agent behaves; rates are fractions of attempts (0..1).</summary>
public sealed record SimulationSettings
{
    public int LatencyMs { get; init; } = 300;
    public double BusyRate { get; init; }
    public double NoAnswerRate { get; init; }
    public double FailRate { get; init; }
    public int TranscriptTurns { get; init; } = 6;
}

public enum AgentRuntime
{
    Simulated = 1,
    Webhook = 2,
}
