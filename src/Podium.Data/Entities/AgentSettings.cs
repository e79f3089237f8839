namespace Podium.Data.Entities;

/// <summary>
/// An agent's runtime configuration, stored as one JSON column so the engine can grow
/// it (concurrency, calling hours, retries) without a migration per knob.
/// </summary>
public sealed record AgentSettings
{
    public AgentRuntime Runtime { get; init; } = AgentRuntime.Simulated;

    /// <summary>Where a webhook agent's tasks are POSTed; null for simulated agents.</summary>
    public string? Url { get; init; }
}

public enum AgentRuntime
{
    Simulated = 1,
    Webhook = 2,
}
