namespace Podium.Server.Features.Agents;

/// <param name="Handle">Unique across the server; generated ("space-agent-…") when left out.</param>
/// <param name="SpaceToken">Binds the agent to one space of the organization.</param>
public sealed record CreateAgentRequest(
    string Name,
    string? Handle = null,
    AgentType Type = AgentType.Voice,
    AgentState State = AgentState.Draft,
    string? Purpose = null,
    string? Description = null,
    string? SpaceToken = null,
    AgentRuntimeRequest? Runtime = null,
    int? MaxConcurrency = null,
    CallingHoursRequest? CallingHours = null,
    RetryRequest? Retry = null,
    SimulationRequest? Simulation = null,
    string? VoiceProfileId = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required("name", Name);
        errors.MaxLength("voice_profile_id", VoiceProfileId, 34);
        errors.MaxLength("name", Name, 200);
        Rules.AgentHandle(errors, "handle", Handle);
        errors.MaxLength("purpose", Purpose, 2000);
        errors.MaxLength("description", Description, 2000);
        AgentSettingsInput.Validate(errors, Runtime, MaxConcurrency, CallingHours, Retry, Simulation);
    }

    public AgentSettings Settings() =>
        AgentSettingsInput.Apply(new AgentSettings(), Runtime, MaxConcurrency, CallingHours, Retry, Simulation) with { VoiceProfileId = string.IsNullOrEmpty(VoiceProfileId) ? null : VoiceProfileId };
}

/// <summary>Fields left out (or null) keep their value; space_token "" unbinds the agent, voice_profile_id "" takes its voice profile off.</summary>
public sealed record UpdateAgentRequest(
    string? Name = null,
    AgentType? Type = null,
    AgentState? State = null,
    string? Purpose = null,
    string? Description = null,
    string? SpaceToken = null,
    AgentRuntimeRequest? Runtime = null,
    int? MaxConcurrency = null,
    CallingHoursRequest? CallingHours = null,
    RetryRequest? Retry = null,
    SimulationRequest? Simulation = null,
    string? VoiceProfileId = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        if (Name is not null) errors.Required("name", Name);
        errors.MaxLength("voice_profile_id", VoiceProfileId, 34);
        errors.MaxLength("name", Name, 200);
        errors.MaxLength("purpose", Purpose, 2000);
        errors.MaxLength("description", Description, 2000);
        AgentSettingsInput.Validate(errors, Runtime, MaxConcurrency, CallingHours, Retry, Simulation);
    }

    public AgentSettings ApplyTo(AgentSettings settings)
    {
        settings = AgentSettingsInput.Apply(settings, Runtime, MaxConcurrency, CallingHours, Retry, Simulation);
        return VoiceProfileId is null ? settings : settings with { VoiceProfileId = VoiceProfileId.Length == 0 ? null : VoiceProfileId };
    }
}
