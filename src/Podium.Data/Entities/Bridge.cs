namespace Podium.Data.Entities;

/// <summary>Call routing: links provider numbers to the agents that call through them.</summary>
public sealed class Bridge : ITenantOwned
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string Name { get; set; }

    /// <summary>Unique within the organization; fixed after creation.</summary>
    public required string Slug { get; set; }
    public string Description { get; set; } = "";

    /// <summary>ISO 3166 region code, e.g. US or IN.</summary>
    public string? Region { get; set; }
    public string Status { get; set; } = "ACTIVE";
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
    public List<PhoneNumber> Numbers { get; set; } = [];
    public List<Agent> Agents { get; set; } = [];
}
