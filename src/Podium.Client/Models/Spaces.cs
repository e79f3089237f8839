namespace Podium.Client;

public enum PrivacyType
{
    Shared,
    Private,
}

public sealed record Space
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    /// <summary>The space's id in every space route.</summary>
    public string Token { get; init; } = "";
    public string Description { get; init; } = "";
    public string? Logo { get; init; }
    public PrivacyType PrivacyType { get; init; }
    public string SpaceType { get; init; } = "";
    public string ContentType { get; init; } = "";
    /// <summary>The space's default agent.</summary>
    public string? AgentHandle { get; init; }
    public int? MaxConcurrency { get; init; }
    public OrganizationRef Organization { get; init; } = new();
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; init; }
    /// <summary>The agents that serve the space; filled by single-space reads, null in lists.</summary>
    public IReadOnlyList<AgentRef>? Agents { get; init; }
}

public sealed record OrganizationRef
{
    public string Name { get; init; } = "";
    public string DomainHandle { get; init; } = "";
}

public sealed record AgentRef
{
    public string Name { get; init; } = "";
    public string Handle { get; init; } = "";
    public AgentType Type { get; init; }
}

public sealed record CreateSpaceRequest
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string? Logo { get; init; }
    public PrivacyType? PrivacyType { get; init; }
    /// <summary><c>contact</c> (the default) holds people to call.</summary>
    public string? SpaceType { get; init; }
    public string? ContentType { get; init; }
    public string? AgentHandle { get; init; }
    /// <summary>Emails of the members who can see a private space.</summary>
    public IReadOnlyList<string>? Members { get; init; }
    /// <summary>At most this many of the space's tasks run at once.</summary>
    public int? MaxConcurrency { get; init; }
}

public sealed record UpdateSpaceRequest
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Logo { get; init; }
    public PrivacyType? PrivacyType { get; init; }
    public string? SpaceType { get; init; }
    public string? ContentType { get; init; }
    public string? AgentHandle { get; init; }
    public IReadOnlyList<string>? Members { get; init; }
    public int? MaxConcurrency { get; init; }
}
