namespace Podium.Data.Entities;

/// <summary>One execution of a task by an agent: a call attempt, with its result.</summary>
public sealed class TaskAttempt : ITenantOwned
{
    public long Id { get; set; }
    public int OrganizationId { get; set; }
    public long TaskId { get; set; }
    public RunTask Task { get; set; } = null!;
    public int Number { get; set; }

    /// <summary>"call_" and 24 hex characters: the call log's id, handed to the agent.</summary>
    public string? CallId { get; set; }

    /// <summary>The bridge and number the call was placed from, when the agent has a bridge.</summary>
    public int? BridgeId { get; set; }
    public string? CallerNumber { get; set; }

    /// <summary>The provider configuration a provider runtime placed the call with, from before it asked the provider.</summary>
    public int? ProviderConfigurationId { get; set; }

    /// <summary>The provider's id of the call, once the provider accepted it; the provider's events name it.</summary>
    public string? ProviderCallId { get; set; }
    public required string Node { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>One of <see cref="CallOutcomes"/> (or null while running).</summary>
    public string? Outcome { get; set; }
    public string? Error { get; set; }
    public int? DurationSeconds { get; set; }
    public long CostMicros { get; set; }

    /// <summary>How the call ended, as the agent reported it (e.g. caller_hangup, no_answer).</summary>
    public string? EndReason { get; set; }

    /// <summary>
    /// Twilio and LiveKit carry only the telephone call; the bot reports the conversation. Whichever of the
    /// two reports comes first waits here (a task result as JSON) until the other comes or a grace passes.
    /// </summary>
    public string? TelephonyReport { get; set; }
    public string? AgentReport { get; set; }

    /// <summary>The UTC month the attempt finished in, as yyyymm: the invoice it is billed on.</summary>
    public int? BillingPeriod { get; set; }
}
