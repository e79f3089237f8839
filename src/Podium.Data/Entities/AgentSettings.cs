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
    public IReadOnlyList<string> RetryOn { get; init; } = CallOutcomes.Retryable;

    /// <summary>Wait before the second attempt; doubles for each attempt after it.</summary>
    public int BackoffSeconds { get; init; } = 300;

    public SimulationSettings Simulation { get; init; } = new();

    /// <summary>The organization's provider configuration whose credentials a provider runtime calls with.</summary>
    public int? ProviderConfigId { get; init; }

    /// <summary>The organization's voice profile (its public id) the agent speaks with; runtimes whose provider takes a voice override pass it on.</summary>
    public string? VoiceProfileId { get; init; }

    /// <summary>What a provider runtime asks its provider for; unused by the simulated and webhook runtimes.</summary>
    public CallSettings Call { get; init; } = new();
}

/// <summary>
/// A provider runtime's own settings. <see cref="AssistantId"/> names the hosted assistant or agent
/// (Vapi assistant, Retell agent, ElevenLabs agent); <see cref="PhoneNumberId"/> the provider's saved
/// number (Vapi, ElevenLabs); <see cref="FromNumber"/> the caller id when the agent has no bridge.
/// </summary>
public sealed record CallSettings
{
    public string? AssistantId { get; init; }
    public string? PhoneNumberId { get; init; }
    public string? FromNumber { get; init; }

    /// <summary>Vapi: the credential Vapi signs its server messages with (an HMAC plan), sent as the server's <c>credentialId</c>.</summary>
    public string? CredentialId { get; init; }

    /// <summary>ElevenLabs: the number is an imported SIP trunk's, not a Twilio number.</summary>
    public bool SipTrunk { get; init; }

    /// <summary>The longest a call may last; past it (plus a grace) Podium asks the provider how it ended.</summary>
    public int MaxCallSeconds { get; init; } = 900;

    /// <summary>Twilio: the integrator's bot as a bidirectional media stream (<c>wss://</c>), reached with <c>&lt;Connect&gt;&lt;Stream&gt;</c>.</summary>
    public string? StreamUrl { get; init; }

    /// <summary>Twilio: the integrator's text bot (<c>wss://</c>), reached with <c>&lt;Connect&gt;&lt;ConversationRelay&gt;</c>.</summary>
    public string? RelayUrl { get; init; }

    /// <summary>Twilio: the integrator's own TwiML for the answered call, instead of Podium's.</summary>
    public string? TwimlUrl { get; init; }

    /// <summary>Twilio ConversationRelay: what the relay says first, its language and its TTS voice.</summary>
    public string? WelcomeGreeting { get; init; }
    public string? Language { get; init; }
    public string? Voice { get; init; }

    /// <summary>Twilio answering-machine detection: null (off), <c>Enable</c> or <c>DetectMessageEnd</c>.</summary>
    public string? MachineDetection { get; init; }

    /// <summary>Twilio: what to say to an answering machine before hanging up; none hangs up at once.</summary>
    public string? VoicemailMessage { get; init; }

    /// <summary>How long the phone may ring before the call is unanswered (Twilio <c>Timeout</c>, LiveKit <c>ringing_timeout</c>).</summary>
    public int? RingSeconds { get; init; }

    /// <summary>Twilio: record the call.</summary>
    public bool Record { get; init; }

    /// <summary>Spread a person's attempts over the bridge's numbers instead of keeping one number per person.</summary>
    public bool RotateCallerId { get; init; }

    /// <summary>LiveKit: the name the agent worker registered with (explicit dispatch).</summary>
    public string? AgentName { get; init; }

    /// <summary>LiveKit: the outbound SIP trunk Podium dials the contact through; without it the agent dials.</summary>
    public string? SipTrunkId { get; init; }

    /// <summary>Twilio, LiveKit: the organization's own SIP carrier (a Podium trunk) the contact is dialled through.</summary>
    public int? TrunkId { get; init; }
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
    Vapi = 3,
    Retell = 4,

    [System.Text.Json.Serialization.JsonStringEnumMemberName("elevenlabs")]
    ElevenLabs = 5,
    Twilio = 6,

    [System.Text.Json.Serialization.JsonStringEnumMemberName("livekit")]
    LiveKit = 7,
}
