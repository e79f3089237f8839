using Podium.Server.Engine.Runtimes.Providers;

namespace Podium.Server.Features.Agents;

/// <summary>
/// How the engine runs the agent: built-in simulation, an HTTP POST to <c>url</c>, or a call placed by a
/// provider (<c>vapi</c>, <c>retell</c>, <c>elevenlabs</c>, <c>twilio</c>, <c>livekit</c>) with the credentials
/// of the organization's provider configuration <c>provider_config_id</c>. Each provider takes its own
/// fields; a field another runtime takes is refused, so a typo is not silently ignored.
/// </summary>
public sealed partial record AgentRuntimeRequest(
    AgentRuntime Type,
    string? Url = null,
    int? TimeoutSeconds = null,
    int? ProviderConfigId = null,
    string? AssistantId = null,
    string? PhoneNumberId = null,
    string? FromNumber = null,
    string? CredentialId = null,
    bool? SipTrunk = null,
    int? MaxCallSeconds = null,
    string? StreamUrl = null,
    string? RelayUrl = null,
    string? TwimlUrl = null,
    string? WelcomeGreeting = null,
    string? Language = null,
    string? Voice = null,
    string? MachineDetection = null,
    string? VoicemailMessage = null,
    int? RingSeconds = null,
    bool? Record = null,
    bool? RotateCallerId = null,
    string? AgentName = null,
    string? SipTrunkId = null,
    int? TrunkId = null)
{
    /// <summary>Answering-machine detection as the API names it, and as Twilio does.</summary>
    private static readonly Dictionary<string, string> MachineDetectionModes = new() { ["enable"] = "Enable", ["detect_message_end"] = "DetectMessageEnd" };

    public void Validate(ValidationErrors errors)
    {
        if (Type == AgentRuntime.Webhook && Url is null) errors.Add("runtime.url", "A webhook agent needs a url.");
        if (Type != AgentRuntime.Webhook && Url is not null) errors.Add("runtime.url", "Only a webhook agent takes a url.");
        Rules.OutboundUrl(errors, "runtime.url", Url);
        var maxTimeout = errors.Limits.Engine.MaxAgentTimeoutSeconds;
        if (TimeoutSeconds < 1 || TimeoutSeconds > maxTimeout) errors.Add("runtime.timeout_seconds", $"Must be from 1 to {maxTimeout} (this server's ceiling).");
        foreach (var (field, value, takes) in Fields())
            if (value is not null && !takes.Contains(Type))
                errors.Add($"runtime.{field}", $"Only a {string.Join(" or ", takes.Select(r => ProviderRuntimes.ProviderOf(r)))} agent takes this field.");
        var provider = ProviderRuntimes.ProviderOf(Type);
        if (provider is null) return;
        if (ProviderConfigId is null) errors.Add("runtime.provider_config_id", $"A {provider} agent needs the id of the organization's {provider} provider configuration.");
        var name = Type == AgentRuntime.Vapi ? "assistant" : "agent";
        if (Type is AgentRuntime.Vapi or AgentRuntime.ElevenLabs)
        {
            if (string.IsNullOrWhiteSpace(AssistantId)) errors.Add("runtime.assistant_id", $"The {provider} {name} to call with is required.");
            if (string.IsNullOrWhiteSpace(PhoneNumberId)) errors.Add("runtime.phone_number_id", $"The {provider} phone number id to call from is required.");
        }
        if (Type == AgentRuntime.Twilio && new[] { StreamUrl, RelayUrl, TwimlUrl }.Count(u => u is not null) != 1)
            errors.Add("runtime.stream_url", "A twilio agent needs exactly one of stream_url (a media-stream bot), relay_url (a ConversationRelay text bot) or twiml_url (your own TwiML).");
        if (SipTrunkId is not null && TrunkId is not null)
            errors.Add("runtime.trunk_id", "Dial through LiveKit's own trunk (sip_trunk_id) or the organization's (trunk_id), not both.");
        if (Type == AgentRuntime.LiveKit && string.IsNullOrWhiteSpace(AgentName))
            errors.Add("runtime.agent_name", "The name your LiveKit agent worker registered with is required (explicit dispatch).");
        foreach (var (field, value) in new[] { ("assistant_id", AssistantId), ("phone_number_id", PhoneNumberId), ("credential_id", CredentialId), ("agent_name", AgentName), ("sip_trunk_id", SipTrunkId), ("language", Language), ("voice", Voice) })
            errors.MaxLength($"runtime.{field}", value, 200);
        errors.MaxLength("runtime.welcome_greeting", WelcomeGreeting, 1000);
        errors.MaxLength("runtime.voicemail_message", VoicemailMessage, 1000);
        BotUrl(errors, "stream_url", StreamUrl, "wss");
        BotUrl(errors, "relay_url", RelayUrl, "wss");
        BotUrl(errors, "twiml_url", TwimlUrl, "https");
        if (MachineDetection is not null && !MachineDetectionModes.ContainsKey(MachineDetection))
            errors.Add("runtime.machine_detection", "Use enable (report a machine at once) or detect_message_end (wait for the greeting to end, to leave a message).");
        if (VoicemailMessage is not null && MachineDetection is null)
            errors.Add("runtime.voicemail_message", "A voicemail message needs machine_detection.");
        if (FromNumber is not null && !E164().IsMatch(FromNumber)) errors.Add("runtime.from_number", "Use E.164, e.g. +14155550100.");
        if (MaxCallSeconds is < 10 or > 14_400) errors.Add("runtime.max_call_seconds", "Must be from 10 to 14400.");
        if (RingSeconds is < 5 or > 600) errors.Add("runtime.ring_seconds", "Must be from 5 to 600.");
    }

    /// <summary>Each provider field, and the runtimes that take it.</summary>
    private IEnumerable<(string Field, object? Value, AgentRuntime[] Takes)> Fields()
    {
        AgentRuntime[] providers = [AgentRuntime.Vapi, AgentRuntime.Retell, AgentRuntime.ElevenLabs, AgentRuntime.Twilio, AgentRuntime.LiveKit];
        AgentRuntime[] hosted = [AgentRuntime.Vapi, AgentRuntime.Retell, AgentRuntime.ElevenLabs];
        AgentRuntime[] twilio = [AgentRuntime.Twilio];
        AgentRuntime[] livekit = [AgentRuntime.LiveKit];
        AgentRuntime[] lines = [AgentRuntime.Twilio, AgentRuntime.LiveKit];
        return
        [
            ("provider_config_id", ProviderConfigId, providers), ("from_number", FromNumber, providers), ("max_call_seconds", MaxCallSeconds, providers),
            ("rotate_caller_id", RotateCallerId, providers), ("assistant_id", AssistantId, hosted), ("phone_number_id", PhoneNumberId, [AgentRuntime.Vapi, AgentRuntime.ElevenLabs]),
            ("credential_id", CredentialId, [AgentRuntime.Vapi]), ("sip_trunk", SipTrunk, [AgentRuntime.ElevenLabs]),
            ("stream_url", StreamUrl, twilio), ("relay_url", RelayUrl, twilio), ("twiml_url", TwimlUrl, twilio), ("machine_detection", MachineDetection, twilio),
            ("voicemail_message", VoicemailMessage, twilio), ("record", Record, twilio), ("ring_seconds", RingSeconds, lines),
            ("agent_name", AgentName, livekit), ("sip_trunk_id", SipTrunkId, livekit), ("trunk_id", TrunkId, lines),
            ("welcome_greeting", WelcomeGreeting, twilio), ("language", Language, twilio), ("voice", Voice, twilio),
        ];
    }

    /// <summary>A bot's address is reached by the provider, not by Podium: it must be absolute and use <paramref name="scheme"/>.</summary>
    private static void BotUrl(ValidationErrors errors, string field, string? url, string scheme)
    {
        if (url is null) return;
        errors.MaxLength($"runtime.{field}", url, 2000);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != scheme || uri.Host.Length == 0)
            errors.Add($"runtime.{field}", $"Use an absolute {scheme}:// URL.");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial System.Text.RegularExpressions.Regex E164();

    /// <summary>The settings a provider runtime keeps; the defaults for any other runtime.</summary>
    public CallSettings Call() => ProviderRuntimes.Uses(Type)
        ? new CallSettings
        {
            AssistantId = AssistantId?.Trim(),
            PhoneNumberId = PhoneNumberId?.Trim(),
            FromNumber = FromNumber,
            CredentialId = CredentialId,
            SipTrunk = SipTrunk ?? false,
            MaxCallSeconds = MaxCallSeconds ?? new CallSettings().MaxCallSeconds,
            StreamUrl = StreamUrl,
            RelayUrl = RelayUrl,
            TwimlUrl = TwimlUrl,
            WelcomeGreeting = WelcomeGreeting,
            Language = Language,
            Voice = Voice,
            MachineDetection = MachineDetection is null ? null : MachineDetectionModes.GetValueOrDefault(MachineDetection),
            VoicemailMessage = VoicemailMessage,
            RingSeconds = RingSeconds,
            Record = Record ?? false,
            RotateCallerId = RotateCallerId ?? false,
            AgentName = AgentName?.Trim(),
            SipTrunkId = SipTrunkId?.Trim(),
            TrunkId = TrunkId,
        }
        : new CallSettings();

    /// <summary>The API's name for a stored answering-machine mode.</summary>
    public static string? MachineDetectionName(string? mode) => MachineDetectionModes.FirstOrDefault(m => m.Value == mode).Key;
}

/// <summary>Days (<c>mon</c> … <c>sun</c>) and <c>HH:mm</c> ranges, in the recipient's time zone, when tasks may start.</summary>
public sealed record CallingHoursRequest(IReadOnlyList<string>? Days = null, IReadOnlyList<TimeRangeRequest>? Ranges = null);

public sealed record TimeRangeRequest(string Start, string End);

public sealed record RetryRequest(int? MaxAttempts = null, IReadOnlyList<string>? On = null, int? BackoffSeconds = null);

public sealed record SimulationRequest(int? LatencyMs = null, double? BusyRate = null, double? NoAnswerRate = null, double? FailRate = null, int? TranscriptTurns = null);

/// <summary>The engine settings an agent create or update may carry; each part left out keeps its value.</summary>
public static class AgentSettingsInput
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static void Validate(ValidationErrors errors, AgentRuntimeRequest? runtime, int? concurrency,
        CallingHoursRequest? hours, RetryRequest? retry, SimulationRequest? simulation)
    {
        runtime?.Validate(errors);
        var maxConcurrency = errors.Limits.Engine.MaxAgentConcurrency;
        if (concurrency < 1 || concurrency > maxConcurrency) errors.Add("max_concurrency", $"Must be from 1 to {maxConcurrency} (this server's ceiling).");
        if (hours?.Days?.Count > 7) errors.Add("calling_hours.days", "At most 7 days.");
        if (hours?.Ranges?.Count > 24) errors.Add("calling_hours.ranges", "At most 24 ranges.");
        if (retry?.On?.Count > CallOutcomes.Retryable.Length) errors.Add("retry.on", $"At most {CallOutcomes.Retryable.Length} outcomes.");
        for (var i = 0; i < hours?.Days?.Count; i++)
            if (!DayNames.Contains(hours.Days[i])) errors.Add($"calling_hours.days[{i}]", "Use mon, tue, wed, thu, fri, sat or sun.");
        for (var i = 0; i < hours?.Ranges?.Count; i++)
        {
            var range = hours.Ranges[i];
            if (range is null || Time(range.Start) is not { } start || Time(range.End) is not { } end)
                errors.Add($"calling_hours.ranges[{i}]", "Use the 24-hour format HH:mm for start and end.");
            else if (end <= start)
                errors.Add($"calling_hours.ranges[{i}]", "The end must be after the start (ranges cannot cross midnight; split them).");
        }
        if (retry?.MaxAttempts is < 1 or > 10) errors.Add("retry.max_attempts", "Must be from 1 to 10.");
        if (retry?.BackoffSeconds is < 0 or > 86_400) errors.Add("retry.backoff_seconds", "Must be from 0 to 86400.");
        for (var i = 0; i < retry?.On?.Count; i++)
            if (!CallOutcomes.Retryable.Contains(retry.On[i])) errors.Add($"retry.on[{i}]", "Use voicemail, busy, no_answer or failed.");
        if (simulation is null) return;
        var maxLatency = errors.Limits.Engine.MaxSimulatedLatencyMs;
        if (simulation.LatencyMs < 0 || simulation.LatencyMs > maxLatency) errors.Add("simulation.latency_ms", $"Must be from 0 to {maxLatency} (this server's ceiling).");
        if (simulation.TranscriptTurns is < 2 or > 50) errors.Add("simulation.transcript_turns", "Must be from 2 to 50.");
        foreach (var (name, rate) in new[] { ("busy_rate", simulation.BusyRate), ("no_answer_rate", simulation.NoAnswerRate), ("fail_rate", simulation.FailRate) })
            if (rate is < 0 or > 1) errors.Add($"simulation.{name}", "Must be a fraction from 0 to 1.");
        if ((simulation.BusyRate ?? 0) + (simulation.NoAnswerRate ?? 0) + (simulation.FailRate ?? 0) > 1)
            errors.Add("simulation", "The rates add up to more than 1.");
    }

    public static AgentSettings Apply(AgentSettings settings, AgentRuntimeRequest? runtime, int? maxConcurrency,
        CallingHoursRequest? hours, RetryRequest? retry, SimulationRequest? simulation)
    {
        if (runtime is not null)
            settings = settings with
            {
                Runtime = runtime.Type,
                Url = runtime.Url,
                TimeoutSeconds = runtime.TimeoutSeconds ?? settings.TimeoutSeconds,
                ProviderConfigId = runtime.ProviderConfigId,
                Call = runtime.Call(),
            };
        if (maxConcurrency is { } max) settings = settings with { MaxConcurrency = max };
        if (hours?.Days is { } days) settings = settings with { CallingDays = days.Select(d => (DayOfWeek)Array.IndexOf(DayNames, d)).Distinct().ToList() };
        if (hours?.Ranges is { } ranges) settings = settings with { CallingHours = ranges.Select(r => new TimeRange(Time(r.Start)!.Value, Time(r.End)!.Value)).ToList() };
        if (retry is not null)
            settings = settings with
            {
                MaxAttempts = retry.MaxAttempts ?? settings.MaxAttempts,
                RetryOn = retry.On?.Distinct().ToList() ?? settings.RetryOn,
                BackoffSeconds = retry.BackoffSeconds ?? settings.BackoffSeconds,
            };
        if (simulation is not null)
        {
            var s = settings.Simulation;
            settings = settings with
            {
                Simulation = new SimulationSettings
                {
                    LatencyMs = simulation.LatencyMs ?? s.LatencyMs,
                    BusyRate = simulation.BusyRate ?? s.BusyRate,
                    NoAnswerRate = simulation.NoAnswerRate ?? s.NoAnswerRate,
                    FailRate = simulation.FailRate ?? s.FailRate,
                    TranscriptTurns = simulation.TranscriptTurns ?? s.TranscriptTurns,
                },
            };
        }
        return settings;
    }

    public static string DayName(DayOfWeek day) => DayNames[(int)day];

    private static TimeOnly? Time(string value) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
