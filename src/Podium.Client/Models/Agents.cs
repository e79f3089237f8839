using System.Text.Json.Serialization;

namespace Podium.Client;

/// <summary>Written capitalised on the wire (<c>"Voice"</c>), as the docs show it.</summary>
public enum AgentType
{
    [JsonStringEnumMemberName("Voice")] Voice,
    [JsonStringEnumMemberName("Chat")] Chat,
}

public enum AgentState
{
    Draft,
    Published,
    Archived,
}

/// <summary>How the engine runs an agent: the built-in simulation, or an HTTP POST to the agent's URL.</summary>
public enum AgentRuntimeKind
{
    Simulated,
    Webhook,
    Vapi,
    Retell,

    [JsonStringEnumMemberName("elevenlabs")]
    ElevenLabs,
    Twilio,

    [JsonStringEnumMemberName("livekit")]
    LiveKit,
}

public sealed record Agent
{
    public string Handle { get; init; } = "";
    public string Name { get; init; } = "";
    public AgentType Type { get; init; }
    public AgentState State { get; init; }
    public string Purpose { get; init; } = "";
    public string Description { get; init; } = "";
    public string? SpaceToken { get; init; }
    public AgentRuntime Runtime { get; init; } = new();
    public int MaxConcurrency { get; init; }
    public CallingHours CallingHours { get; init; } = new();
    public RetryPolicy Retry { get; init; } = new();
    public SimulationSettings Simulation { get; init; } = new();
    /// <summary>The organization's voice profile the agent speaks with.</summary>
    public string? VoiceProfileId { get; init; }
    /// <summary>Until when the secret before the last rotation still signs beside the current one.</summary>
    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; init; }
    /// <summary>The secret that signs calls to a webhook agent: returned once, when the agent is created, becomes a webhook agent, or its secret is rotated.</summary>
    public string? WebhookSecret { get; init; }
}

/// <summary>How long the previous signing secret keeps signing beside the new one: 0 to 168 hours, 24 when left out.</summary>
public sealed record RotateSecretRequest
{
    public int? GraceHours { get; init; }
}

public sealed record AgentRuntime
{
    public AgentRuntimeKind Type { get; init; }
    /// <summary>The agent's endpoint (webhook runtime).</summary>
    public string? Url { get; init; }
    public int? TimeoutSeconds { get; init; }
    /// <summary>Provider runtimes: the organization's provider configuration whose credentials place the calls.</summary>
    public int? ProviderConfigId { get; init; }
    /// <summary>The hosted assistant or agent: a Vapi assistant, a Retell agent, an ElevenLabs agent.</summary>
    public string? AssistantId { get; init; }
    /// <summary>The provider's id of the number to call from (Vapi, ElevenLabs).</summary>
    public string? PhoneNumberId { get; init; }
    /// <summary>The caller id in E.164 when the agent has no bridge (Retell).</summary>
    public string? FromNumber { get; init; }
    /// <summary>Vapi: the credential Vapi signs its server messages with.</summary>
    public string? CredentialId { get; init; }
    /// <summary>ElevenLabs: the number is an imported SIP trunk's.</summary>
    public bool? SipTrunk { get; init; }
    /// <summary>The longest a call may last; past it (plus a grace) Podium asks the provider how it ended.</summary>
    public int? MaxCallSeconds { get; init; }
    /// <summary>Twilio: the bot as a bidirectional media stream (<c>wss://</c>), reached with <c>&lt;Connect&gt;&lt;Stream&gt;</c>.</summary>
    public string? StreamUrl { get; init; }
    /// <summary>Twilio: a text bot (<c>wss://</c>) behind <c>&lt;Connect&gt;&lt;ConversationRelay&gt;</c>.</summary>
    public string? RelayUrl { get; init; }
    /// <summary>Twilio: your own TwiML for the answered call.</summary>
    public string? TwimlUrl { get; init; }
    /// <summary>Twilio ConversationRelay: the first words, the language and the TTS voice.</summary>
    public string? WelcomeGreeting { get; init; }
    public string? Language { get; init; }
    public string? Voice { get; init; }
    /// <summary>Twilio answering-machine detection: <c>enable</c> or <c>detect_message_end</c>.</summary>
    public string? MachineDetection { get; init; }
    /// <summary>Twilio: said to an answering machine before hanging up.</summary>
    public string? VoicemailMessage { get; init; }
    /// <summary>Twilio, LiveKit: how long the phone rings before the call is unanswered.</summary>
    public int? RingSeconds { get; init; }
    /// <summary>Twilio: record the call.</summary>
    public bool? Record { get; init; }
    /// <summary>Spread a person's attempts over the bridge's numbers instead of one number per person.</summary>
    public bool? RotateCallerId { get; init; }
    /// <summary>LiveKit: the agent worker's registered name (explicit dispatch).</summary>
    public string? AgentName { get; init; }
    /// <summary>LiveKit: the outbound SIP trunk Podium dials through; without it the agent dials.</summary>
    public string? SipTrunkId { get; init; }
    /// <summary>Twilio, LiveKit: the organization's own SIP trunk (<see cref="TrunksClient"/>) the contact is dialled through.</summary>
    public int? TrunkId { get; init; }
}

/// <summary>When tasks may start, in the recipient's time zone: days <c>mon</c> … <c>sun</c> and <c>HH:mm</c> ranges.</summary>
public sealed record CallingHours
{
    public IReadOnlyList<string>? Days { get; init; }
    public IReadOnlyList<TimeRange>? Ranges { get; init; }
}

public sealed record TimeRange(string Start, string End);

/// <summary>Which call outcomes are retried (<c>voicemail</c>, <c>busy</c>, <c>no_answer</c>, <c>failed</c>), how often and how far apart.</summary>
public sealed record RetryPolicy
{
    public int? MaxAttempts { get; init; }
    public IReadOnlyList<string>? On { get; init; }
    public int? BackoffSeconds { get; init; }
}

/// <summary>The simulated runtime's behaviour: latency and the share of busy, unanswered and failed calls.</summary>
public sealed record SimulationSettings
{
    public int? LatencyMs { get; init; }
    public double? BusyRate { get; init; }
    public double? NoAnswerRate { get; init; }
    public double? FailRate { get; init; }
    public int? TranscriptTurns { get; init; }
}

public sealed record CreateAgentRequest
{
    public required string Name { get; init; }
    /// <summary>Made from the name when not given.</summary>
    public string? Handle { get; init; }
    public AgentType? Type { get; init; }
    public AgentState? State { get; init; }
    public string? Purpose { get; init; }
    public string? Description { get; init; }
    public string? SpaceToken { get; init; }
    public AgentRuntime? Runtime { get; init; }
    public int? MaxConcurrency { get; init; }
    public CallingHours? CallingHours { get; init; }
    public RetryPolicy? Retry { get; init; }
    public SimulationSettings? Simulation { get; init; }
    public string? VoiceProfileId { get; init; }
}

public sealed record UpdateAgentRequest
{
    public string? Name { get; init; }
    public AgentType? Type { get; init; }
    public AgentState? State { get; init; }
    public string? Purpose { get; init; }
    public string? Description { get; init; }
    public string? SpaceToken { get; init; }
    public AgentRuntime? Runtime { get; init; }
    public int? MaxConcurrency { get; init; }
    public CallingHours? CallingHours { get; init; }
    public RetryPolicy? Retry { get; init; }
    public SimulationSettings? Simulation { get; init; }
    /// <summary><c>""</c> takes the agent's voice profile off.</summary>
    public string? VoiceProfileId { get; init; }
}

/// <summary>One run executed by an agent, with its counters.</summary>
public sealed record Execution
{
    public string RunId { get; init; } = "";
    public RunStatus Status { get; init; }
    public int TotalTasks { get; init; }
    public int CompletedTasks { get; init; }
    public int FailedTasks { get; init; }
    public DateTimeOffset Created { get; init; }
}
