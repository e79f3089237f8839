namespace Podium.Data.Entities;

public sealed class Space : ITenantOwned
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>24 uppercase alphanumerics; the space_token of the API, unique server-wide.</summary>
    public required string Token { get; set; }
    public string Description { get; set; } = "";
    public string? Logo { get; set; }
    public PrivacyType PrivacyType { get; set; }
    public string SpaceType { get; set; } = "general";
    public string ContentType { get; set; } = "general";

    /// <summary>The space's default agent, reported as agent_handle.</summary>
    public int? AgentId { get; set; }
    public Agent? Agent { get; set; }
    public int? CreatedByUserId { get; set; }

    /// <summary>Most tasks of this space in progress at once; null takes the engine's default.</summary>
    public int? MaxConcurrency { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }

    /// <summary>Soft delete: runs and tasks keep pointing at a deleted space.</summary>
    public DateTime? DeletedAt { get; set; }
    public Organization Organization { get; set; } = null!;
    public List<SpaceMember> Members { get; set; } = [];
}

public enum PrivacyType
{
    Shared = 1,
    Private = 2,
}
