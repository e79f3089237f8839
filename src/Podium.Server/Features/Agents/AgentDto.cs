using System.Linq.Expressions;
using Podium.Data.Entities;

namespace Podium.Server.Features.Agents;

public sealed record AgentRuntimeDto(AgentRuntime Type, string? Url);

/// <summary>The documented agent fields plus Podium's configuration (space binding, runtime).</summary>
public sealed record AgentDto(
    string Handle,
    string Name,
    AgentType Type,
    AgentState State,
    string Purpose,
    string Description,
    string? SpaceToken,
    AgentRuntimeDto Runtime,
    DateTime Created,
    DateTime Modified)
{
    public static readonly Expression<Func<Agent, AgentDto>> Projection = a => new AgentDto(
        a.Handle, a.Name, a.Type, a.State, a.Purpose, a.Description,
        a.Space == null ? null : a.Space.Token,
        new AgentRuntimeDto(a.Settings.Runtime, a.Settings.Url),
        a.CreatedAt, a.ModifiedAt);
}
