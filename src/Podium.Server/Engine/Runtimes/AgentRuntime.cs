using System.Text.Json.Nodes;
using Podium.Data.Entities;

namespace Podium.Server.Engine.Runtimes;

/// <summary>
/// One task attempt handed to an agent. <paramref name="CallId"/> names the call in Podium's call
/// logs; <paramref name="CallerNumber"/> is the number to call from, taken from the agent's bridge.
/// </summary>
public sealed record AgentCall(
    string TaskId,
    string RunId,
    int Attempt,
    string Objective,
    JsonObject Input,
    ExecutionType ExecutionType,
    string AgentHandle,
    string AgentName,
    AgentSettings Settings,
    IReadOnlyList<string> ProtectedSecrets,
    string? CallbackToken,
    string? CallId = null,
    string? CallerNumber = null)
{
    /// <summary>Task id and attempt: an agent that sees the same key twice can drop the repeat.</summary>
    public string IdempotencyKey => $"{TaskId}-{Attempt}";
}

/// <summary>
/// What an attempt came to. <c>completed</c>, <c>busy</c>, <c>no_answer</c> or <c>failed</c>; or
/// <see cref="Accepted"/> when the agent will post the result later.
/// </summary>
public sealed record AgentResult(string Outcome, JsonObject? Output, long CostMicros, int? DurationSeconds, string? Error, bool Accepted = false)
{
    public static readonly string[] Outcomes = ["completed", "busy", "no_answer", "failed"];

    public static AgentResult Later() => new("accepted", null, 0, null, null, Accepted: true);

    public static AgentResult Failure(string error) => new("failed", null, 0, null, error);

    public static AgentResult UnknownOutcome(string outcome) =>
        Failure($"The agent reported an unknown outcome \"{ColumnText.Clip(outcome, 40)}\".");
}

/// <summary>An agent runtime: executes one attempt of one task.</summary>
public interface IAgentRuntime
{
    AgentRuntime Kind { get; }

    Task<AgentResult> ExecuteAsync(AgentCall attempt, CancellationToken ct);
}
