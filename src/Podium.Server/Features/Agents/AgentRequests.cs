using Podium.Data.Entities;
using Podium.Server.Features.Common;
using Podium.Server.Http;

namespace Podium.Server.Features.Agents;

/// <summary>How the engine runs the agent: built-in simulation, or an HTTP POST to <c>url</c>.</summary>
public sealed record AgentRuntimeRequest(AgentRuntime Type, string? Url = null)
{
    public void Validate(ValidationErrors errors, string field)
    {
        if (Type == AgentRuntime.Webhook && Url is null) errors.Add($"{field}.url", "A webhook agent needs a url.");
        if (Type == AgentRuntime.Simulated && Url is not null) errors.Add($"{field}.url", "Only a webhook agent takes a url.");
        Rules.HttpUrl(errors, $"{field}.url", Url);
    }

    public AgentSettings ApplyTo(AgentSettings settings) => settings with { Runtime = Type, Url = Url };
}

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
    AgentRuntimeRequest? Runtime = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required("name", Name);
        errors.MaxLength("name", Name, 200);
        Rules.AgentHandle(errors, "handle", Handle);
        errors.MaxLength("purpose", Purpose, 2000);
        errors.MaxLength("description", Description, 2000);
        Runtime?.Validate(errors, "runtime");
    }
}

/// <summary>Fields left out (or null) keep their value; space_token "" unbinds the agent.</summary>
public sealed record UpdateAgentRequest(
    string? Name = null,
    AgentType? Type = null,
    AgentState? State = null,
    string? Purpose = null,
    string? Description = null,
    string? SpaceToken = null,
    AgentRuntimeRequest? Runtime = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        if (Name is not null) errors.Required("name", Name);
        errors.MaxLength("name", Name, 200);
        errors.MaxLength("purpose", Purpose, 2000);
        errors.MaxLength("description", Description, 2000);
        Runtime?.Validate(errors, "runtime");
    }
}
