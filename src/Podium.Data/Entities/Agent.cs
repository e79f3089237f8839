using System.Text.Json.Serialization;

namespace Podium.Data.Entities;

public sealed class Agent : ITenantOwned
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }

    /// <summary>Unique across the server: create-task names an agent by handle alone.</summary>
    public required string Handle { get; set; }
    public required string Name { get; set; }
    public AgentType Type { get; set; }
    public AgentState State { get; set; }
    public string Purpose { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>When set, the agent serves this space only.</summary>
    public int? SpaceId { get; set; }
    public Space? Space { get; set; }

    /// <summary>The bridge whose numbers the agent calls from; null for none.</summary>
    public int? BridgeId { get; set; }
    public Bridge? Bridge { get; set; }

    /// <summary>How the engine executes the agent's tasks; a JSON column.</summary>
    public AgentSettings Settings { get; set; } = new();

    /// <summary>The key a webhook agent verifies our signatures with, encrypted at rest.</summary>
    public string? ProtectedWebhookSecret { get; set; }

    /// <summary>The secret before the last rotation: it signs beside the new one until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? ProtectedPreviousWebhookSecret { get; set; }
    public DateTime? PreviousSecretExpiresAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
}

/// <summary>Written capitalised on the wire ("Voice"), as the docs show it.</summary>
public enum AgentType
{
    [JsonStringEnumMemberName("Voice")]
    Voice = 1,

    [JsonStringEnumMemberName("Chat")]
    Chat = 2,
}

public enum AgentState
{
    Draft = 1,
    Published = 2,
    Archived = 3,
}
