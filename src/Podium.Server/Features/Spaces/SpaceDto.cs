using System.Linq.Expressions;
using System.Text.Json.Serialization;

namespace Podium.Server.Features.Spaces;

public sealed record OrganizationRef(string Name, string DomainHandle);

public sealed record AgentRef(string Name, string Handle, AgentType Type);

/// <summary>
/// Both doc generations' space fields (contract.md section 3). The single-space endpoints
/// add <c>agents</c>, the agents that serve the space; lists leave it out.
/// </summary>
public sealed record SpaceDto(
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString)] int Id,
    string Name,
    string Slug,
    string Token,
    string Description,
    string? Logo,
    PrivacyType PrivacyType,
    string SpaceType,
    string ContentType,
    string? AgentHandle,
    int? MaxConcurrency,
    OrganizationRef Organization,
    DateTime CreatedAt,
    DateTime Created,
    DateTime Modified,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AgentRef>? Agents)
{
    public static readonly Expression<Func<Space, SpaceDto>> Projection = s => new SpaceDto(
        s.Id, s.Name, s.Slug, s.Token, s.Description, s.Logo, s.PrivacyType, s.SpaceType, s.ContentType,
        s.Agent == null ? null : s.Agent.Handle,
        s.MaxConcurrency,
        new OrganizationRef(s.Organization.Name, s.Organization.DomainHandle),
        s.CreatedAt, s.CreatedAt, s.ModifiedAt, null);
}
