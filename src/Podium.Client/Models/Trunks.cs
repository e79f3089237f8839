namespace Podium.Client;

/// <summary>Numbers by E.164, to an agent (by handle) and/or a bridge; <see cref="AttachType"/> <c>pipeline</c> names the agent by <see cref="PipeId"/>.</summary>
public sealed record AttachNumbersRequest
{
    public required IReadOnlyList<string> Numbers { get; init; }
    public string? AgentId { get; init; }
    public string? AttachType { get; init; }
    public string? PipeId { get; init; }
    public string? BridgeSlug { get; init; }
    public string? Region { get; init; }
}

public sealed record DetachNumbersRequest
{
    public required IReadOnlyList<string> Numbers { get; init; }
}

/// <summary>One number's part of an attach or detach; <see cref="NumberId"/> is 0 for a number not in the inventory.</summary>
public sealed record NumberResult
{
    public int NumberId { get; init; }
    public string Number { get; init; } = "";
    /// <summary><c>LINKED</c>, <c>NOT_LINKED</c> or <c>ERROR</c> (then <see cref="Error"/> says why calls are not placed from it).</summary>
    public string ConnectionState { get; init; } = "";
    public string? AgentId { get; init; }
    public bool Ok { get; init; }
    public string? Error { get; init; }
}

public sealed record AttachNumbersResult
{
    public string? AgentId { get; init; }
    public string BridgeSlug { get; init; } = "";
    public IReadOnlyList<NumberResult> Numbers { get; init; } = [];
    public string Message { get; init; } = "";
}

public sealed record DetachNumbersResult
{
    public IReadOnlyList<NumberResult> Numbers { get; init; } = [];
    public string Message { get; init; } = "";
}

/// <summary>A number and how it routes: bridge, agents, provider, trunk, and whether calls are placed from it as configured.</summary>
public sealed record NumberOverview
{
    public string Number { get; init; } = "";
    public int NumberId { get; init; }
    public string? BridgeSlug { get; init; }
    public string ConnectionState { get; init; } = "";
    /// <summary><c>provider</c> or <c>sip_trunk</c>.</summary>
    public string TerminationKind { get; init; } = "";
    public string? AgentId { get; init; }
    public IReadOnlyList<string> Agents { get; init; } = [];
    public string Provider { get; init; } = "";
    public int ProviderConfigId { get; init; }
    public int? TrunkId { get; init; }
    /// <summary><c>in_sync</c>, <c>unassigned</c>, <c>no_agent</c>, <c>inactive</c> or <c>provider_mismatch</c>.</summary>
    public string SyncState { get; init; } = "";
    public bool InSync { get; init; }
    public string? Problem { get; init; }
}

/// <summary>The organization's own SIP carrier. The password is never returned: <see cref="AuthPassword"/> is a mask when one is stored.</summary>
public sealed record Trunk
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string SipUrl { get; init; } = "";
    public string Host { get; init; } = "";
    public string Transport { get; init; } = "";
    public string? Port { get; init; }
    public string? AuthUsername { get; init; }
    public string? AuthPassword { get; init; }
    public bool PasswordSet { get; init; }
    /// <summary>Comma-separated addresses or CIDR ranges.</summary>
    public string AllowedIps { get; init; } = "";
    public string? Region { get; init; }
    public bool Active { get; init; }
    public IReadOnlyList<string> Numbers { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ModifiedAt { get; init; }
}

public sealed record CreateTrunkRequest
{
    public required string Name { get; init; }
    /// <summary>e.g. <c>sip:sip.carrier.example</c> or <c>sips:sip.carrier.example:5061</c>.</summary>
    public required string SipUrl { get; init; }
    public string? AuthUsername { get; init; }
    public string? AuthPassword { get; init; }
    /// <summary><c>udp</c>, <c>tcp</c> or <c>tls</c>.</summary>
    public string? Transport { get; init; }
    public System.Text.Json.Nodes.JsonNode? Port { get; init; }
    public IReadOnlyList<string>? SourceIps { get; init; }
    public string? AllowedIps { get; init; }
    public string? Region { get; init; }
    public bool? Active { get; init; }
}

/// <summary>Fields left out keep their value; <see cref="AuthPassword"/> <c>""</c> removes the stored one.</summary>
public sealed record UpdateTrunkRequest
{
    public string? Name { get; init; }
    public string? SipUrl { get; init; }
    public string? AuthUsername { get; init; }
    public string? AuthPassword { get; init; }
    public string? Transport { get; init; }
    public System.Text.Json.Nodes.JsonNode? Port { get; init; }
    public IReadOnlyList<string>? SourceIps { get; init; }
    public string? AllowedIps { get; init; }
    public string? Region { get; init; }
    public bool? Active { get; init; }
}

public sealed record TrunkNumbersRequest
{
    public required IReadOnlyList<int> NumberIds { get; init; }
    public string? BridgeSlug { get; init; }
    public string? Region { get; init; }
}

public sealed record OriginEndpoint
{
    public string Ingress { get; init; } = "";
    public IReadOnlyList<string> Dids { get; init; } = [];
    public IReadOnlyList<string> AcceptedSourceIps { get; init; } = [];
    public string? Region { get; init; }
}

public sealed record TrunkNumberResult
{
    public int NumberId { get; init; }
    public string? Number { get; init; }
    public bool Ok { get; init; }
    public string? Error { get; init; }
}

public sealed record TrunkAttachResult
{
    public int TrunkId { get; init; }
    public OriginEndpoint OriginEndpoint { get; init; } = new();
    public IReadOnlyList<TrunkNumberResult> Numbers { get; init; } = [];
    public string Message { get; init; } = "";
}

public sealed record TrunkDetachResult
{
    public int TrunkId { get; init; }
    public IReadOnlyList<TrunkNumberResult> Numbers { get; init; } = [];
    public string Message { get; init; } = "";
}
