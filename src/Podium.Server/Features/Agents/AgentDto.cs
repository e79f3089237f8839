using System.Linq.Expressions;
using System.Text.Json.Serialization;

namespace Podium.Server.Features.Agents;

/// <summary>The runtime; the provider fields are null for the simulated and webhook runtimes.</summary>
public sealed record AgentRuntimeDto(
    AgentRuntime Type, string? Url, int TimeoutSeconds,
    int? ProviderConfigId = null, string? AssistantId = null, string? PhoneNumberId = null, string? FromNumber = null,
    string? CredentialId = null, bool? SipTrunk = null, int? MaxCallSeconds = null,
    string? StreamUrl = null, string? RelayUrl = null, string? TwimlUrl = null, string? WelcomeGreeting = null, string? Language = null, string? Voice = null,
    string? MachineDetection = null, string? VoicemailMessage = null, int? RingSeconds = null, bool? Record = null, bool? RotateCallerId = null,
    string? AgentName = null, string? SipTrunkId = null, int? TrunkId = null)
{
    public static AgentRuntimeDto From(AgentSettings s)
    {
        if (s.Runtime is AgentRuntime.Simulated or AgentRuntime.Webhook) return new AgentRuntimeDto(s.Runtime, s.Url, s.TimeoutSeconds);
        var c = s.Call;
        var twilio = s.Runtime == AgentRuntime.Twilio;
        return new AgentRuntimeDto(s.Runtime, s.Url, s.TimeoutSeconds, s.ProviderConfigId, c.AssistantId, c.PhoneNumberId, c.FromNumber,
            c.CredentialId, s.Runtime == AgentRuntime.ElevenLabs ? c.SipTrunk : null, c.MaxCallSeconds,
            c.StreamUrl, c.RelayUrl, c.TwimlUrl, c.WelcomeGreeting, c.Language, c.Voice,
            AgentRuntimeRequest.MachineDetectionName(c.MachineDetection), c.VoicemailMessage, c.RingSeconds, twilio ? c.Record : null, c.RotateCallerId,
            c.AgentName, c.SipTrunkId, c.TrunkId);
    }

    /// <summary>What a non-admin sees: the bot and agent addresses without their credentials.</summary>
    public AgentRuntimeDto Redacted() => this with
    {
        Url = UrlRedaction.Redact(Url),
        StreamUrl = UrlRedaction.Redact(StreamUrl),
        RelayUrl = UrlRedaction.Redact(RelayUrl),
        TwimlUrl = UrlRedaction.Redact(TwimlUrl),
    };
}

public sealed record CallingHoursDto(IReadOnlyList<string> Days, IReadOnlyList<TimeRangeRequest> Ranges);

public sealed record RetryDto(int MaxAttempts, IReadOnlyList<string> On, int BackoffSeconds);

/// <summary>The documented agent fields plus Podium's configuration: space binding, runtime, concurrency, calling hours, retries.</summary>
public sealed record AgentDto(
    string Handle,
    string Name,
    AgentType Type,
    AgentState State,
    string Purpose,
    string Description,
    string? SpaceToken,
    AgentRuntimeDto Runtime,
    int MaxConcurrency,
    CallingHoursDto CallingHours,
    RetryDto Retry,
    SimulationSettings Simulation,
    string? VoiceProfileId,
    DateTime? PreviousSecretExpiresAt,
    DateTime Created,
    DateTime Modified)
{
    /// <summary>The webhook signing secret: in the answer that created it, and never again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WebhookSecret { get; init; }

    public static readonly Expression<Func<Agent, AgentDto>> Projection = a => From(a.Handle, a.Name, a.Type, a.State, a.Purpose, a.Description,
        a.Space == null ? null : a.Space.Token, a.Settings, a.PreviousSecretExpiresAt, a.CreatedAt, a.ModifiedAt);

    /// <summary>The agent as a non-admin sees it: its URL without credentials (user info and query values).</summary>
    public AgentDto SeenBy(Tenant tenant) =>
        tenant.IsAdmin ? this : this with { Runtime = Runtime.Redacted() };

    private static AgentDto From(string handle, string name, AgentType type, AgentState state, string purpose, string description,
        string? spaceToken, AgentSettings s, DateTime? previousSecretExpiresAt, DateTime created, DateTime modified) => new(
        handle, name, type, state, purpose, description, spaceToken,
        AgentRuntimeDto.From(s),
        s.MaxConcurrency,
        new CallingHoursDto(s.CallingDays.Select(AgentSettingsInput.DayName).ToList(),
            s.CallingHours.Select(r => new TimeRangeRequest(r.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), r.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))).ToList()),
        new RetryDto(s.MaxAttempts, s.RetryOn, s.BackoffSeconds),
        s.Simulation,
        s.VoiceProfileId,
        previousSecretExpiresAt, created, modified);
}
