namespace Podium.Server.Engine.Runtimes;

/// <summary>
/// One task attempt handed to an agent. <paramref name="CallId"/> names the call in Podium's call
/// logs; <paramref name="CallerNumber"/> is the number to call from, taken from the agent's bridge;
/// <paramref name="ToNumber"/> the contact's number in E.164. <paramref name="Resumed"/>: the attempt was
/// started by a process that stopped, and is run again by another.
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
    string? CallerNumber = null,
    int OrganizationId = 0,
    bool Resumed = false,
    string? ToNumber = null)
{
    /// <summary>A provider runtime's voice override, from the agent's voice profile; null for none.</summary>
    public Providers.CallVoice? Voice { get; init; }

    /// <summary>The organization's SIP carrier the contact is dialled through (Twilio, LiveKit); null for the provider's own network.</summary>
    public Providers.SipRoute? Trunk { get; init; }

    /// <summary>Task id and attempt: an agent that sees the same key twice can drop the repeat.</summary>
    public string IdempotencyKey => $"{TaskId}-{Attempt}";
}

/// <summary>
/// What an attempt came to. <c>completed</c>, <c>voicemail</c>, <c>busy</c>, <c>no_answer</c> or <c>failed</c>; or
/// <see cref="Accepted"/> when the agent (or the provider that placed the call) reports later, within
/// <see cref="WaitFor"/>; or <see cref="Deferred"/> when a provider refused to place the call for now.
/// A <see cref="Final"/> failure is not retried whatever the agent's policy says.
/// </summary>
public sealed record AgentResult(string Outcome, JsonObject? Output, long CostMicros, int? DurationSeconds, string? Error, bool Accepted = false)
{
    public static readonly string[] Outcomes = CallOutcomes.Reported;

    public bool Final { get; init; }

    /// <summary>How long to wait for the report of an accepted attempt; null for the engine's callback timeout.</summary>
    public TimeSpan? WaitFor { get; init; }

    /// <summary>The provider's id of a call it accepted.</summary>
    public string? ProviderCallId { get; init; }

    /// <summary>Not placed, to be tried again after this long (the provider's Retry-After, or a default).</summary>
    public TimeSpan? Deferred { get; init; }

    public static AgentResult Later() => new("accepted", null, 0, null, null, Accepted: true);

    public static AgentResult Placed(string providerCallId, TimeSpan waitFor) =>
        new("accepted", null, 0, null, null, Accepted: true) { ProviderCallId = providerCallId, WaitFor = waitFor };

    public static AgentResult Defer(TimeSpan after, string reason) => new(CallOutcomes.Deferred, null, 0, null, reason) { Deferred = after };

    public static AgentResult Failure(string error) => new(CallOutcomes.Failed, null, 0, null, error);

    public static AgentResult UnknownOutcome(string outcome) =>
        Failure($"The agent reported an unknown outcome \"{ColumnText.Clip(outcome, 40)}\".");
}

/// <summary>An agent runtime: executes one attempt of one task.</summary>
public interface IAgentRuntime
{
    AgentRuntime Kind { get; }

    Task<AgentResult> ExecuteAsync(AgentCall attempt, CancellationToken ct);
}
