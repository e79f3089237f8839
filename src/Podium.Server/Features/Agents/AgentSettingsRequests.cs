using System.Globalization;
using Podium.Data.Entities;
using Podium.Server.Engine.Runtimes.Providers;
using Podium.Server.Features.Common;
using Podium.Server.Http;

namespace Podium.Server.Features.Agents;

/// <summary>
/// How the engine runs the agent: built-in simulation, an HTTP POST to <c>url</c>, or a call placed by a
/// provider (<c>vapi</c>, <c>retell</c>, <c>elevenlabs</c>) with the credentials of the organization's
/// provider configuration <c>provider_config_id</c>.
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
    int? MaxCallSeconds = null)
{
    public void Validate(ValidationErrors errors)
    {
        if (Type == AgentRuntime.Webhook && Url is null) errors.Add("runtime.url", "A webhook agent needs a url.");
        if (Type != AgentRuntime.Webhook && Url is not null) errors.Add("runtime.url", "Only a webhook agent takes a url.");
        Rules.OutboundUrl(errors, "runtime.url", Url);
        var maxTimeout = errors.Limits.Engine.MaxAgentTimeoutSeconds;
        if (TimeoutSeconds < 1 || TimeoutSeconds > maxTimeout) errors.Add("runtime.timeout_seconds", $"Must be from 1 to {maxTimeout} (this server's ceiling).");
        var provider = ProviderRuntimes.ProviderOf(Type);
        if (provider is null)
        {
            foreach (var (field, value) in new (string, object?)[] { ("provider_config_id", ProviderConfigId), ("assistant_id", AssistantId), ("phone_number_id", PhoneNumberId),
                ("from_number", FromNumber), ("credential_id", CredentialId), ("sip_trunk", SipTrunk), ("max_call_seconds", MaxCallSeconds) })
                if (value is not null) errors.Add($"runtime.{field}", "Only a provider runtime (vapi, retell, elevenlabs) takes this field.");
            return;
        }
        if (ProviderConfigId is null) errors.Add("runtime.provider_config_id", $"A {provider} agent needs the id of the organization's {provider} provider configuration.");
        var name = Type == AgentRuntime.Vapi ? "assistant" : "agent";
        if (Type != AgentRuntime.Retell && string.IsNullOrWhiteSpace(AssistantId)) errors.Add("runtime.assistant_id", $"The {provider} {name} to call with is required.");
        if (Type != AgentRuntime.Retell && string.IsNullOrWhiteSpace(PhoneNumberId)) errors.Add("runtime.phone_number_id", $"The {provider} phone number id to call from is required.");
        if (Type != AgentRuntime.Vapi && CredentialId is not null) errors.Add("runtime.credential_id", "Only a vapi agent takes a credential_id.");
        if (Type != AgentRuntime.ElevenLabs && SipTrunk is not null) errors.Add("runtime.sip_trunk", "Only an elevenlabs agent takes sip_trunk.");
        foreach (var (field, value) in new[] { ("assistant_id", AssistantId), ("phone_number_id", PhoneNumberId), ("credential_id", CredentialId) })
            errors.MaxLength($"runtime.{field}", value, 200);
        if (FromNumber is not null && !E164().IsMatch(FromNumber)) errors.Add("runtime.from_number", "Use E.164, e.g. +14155550100.");
        if (MaxCallSeconds is < 10 or > 14_400) errors.Add("runtime.max_call_seconds", "Must be from 10 to 14400.");
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
        }
        : new CallSettings();
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
