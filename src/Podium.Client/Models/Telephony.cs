using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Podium.Client;

/// <summary>A telephony provider account. Secrets are never returned: <see cref="SecretsSet"/> names those that are stored.</summary>
public sealed record Provider
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    /// <summary>The provider's slug, e.g. <c>twilio</c>.</summary>
    [JsonPropertyName("provider")]
    public string ProviderSlug { get; init; } = "";
    public int ProviderId { get; init; }
    public ProviderDetails ProviderDetails { get; init; } = new();
    public string? AccountSid { get; init; }
    public string OrgHandle { get; init; } = "";
    public JsonArray MetaJson { get; init; } = [];
    public bool Active { get; init; }
    public string? BaseUrl { get; init; }
    public string? SipUrl { get; init; }
    public IReadOnlyList<string> SecretsSet { get; init; } = [];
    public int NumbersCount { get; init; }
    /// <summary>Most calls in flight at once with this account, across every server process; null for no limit.</summary>
    public int? MaxConcurrentCalls { get; init; }
    /// <summary>Most calls started per second with this account; null for no limit.</summary>
    public double? CallsPerSecond { get; init; }
    /// <summary>Where the provider sends this account's call events: set it as the provider's webhook or server URL.</summary>
    public string EventsUrl { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ModifiedAt { get; init; }
}

public sealed record ProviderDetails
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public string? Icon { get; init; }
}

/// <summary>A provider Podium can be configured for.</summary>
public sealed record ProviderCatalogueEntry
{
    public int Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public string? Icon { get; init; }
}

/// <summary>
/// A provider configuration. <see cref="Provider"/> is the slug from the catalogue (<c>twilio</c>,
/// <c>vonage</c>, …); secrets (<see cref="AuthToken"/>, <see cref="ApiSecret"/>, …) are stored encrypted.
/// </summary>
public sealed record CreateProviderRequest
{
    public string? Provider { get; init; }
    public string? Name { get; init; }
    public string? AccountSid { get; init; }
    public string? AuthToken { get; init; }
    public string? ApiKey { get; init; }
    public string? ApiSecret { get; init; }
    public string? BaseUrl { get; init; }
    public string? SipUrl { get; init; }
    public IReadOnlyList<MetaEntry>? MetaJson { get; init; }
    public bool? Active { get; init; }
    /// <summary>The secret the provider signs its events with (Vapi, ElevenLabs; Retell signs with its API key).</summary>
    public string? WebhookSecret { get; init; }
    /// <summary>Most calls in flight at once; 0 for no limit.</summary>
    public int? MaxConcurrentCalls { get; init; }
    /// <summary>Most calls started per second; 0 for no limit (Twilio configurations default to 1).</summary>
    public double? CallsPerSecond { get; init; }
}

public sealed record UpdateProviderRequest
{
    public string? Provider { get; init; }
    public string? Name { get; init; }
    public string? AccountSid { get; init; }
    public string? AuthToken { get; init; }
    public string? ApiKey { get; init; }
    public string? ApiSecret { get; init; }
    public string? BaseUrl { get; init; }
    public string? SipUrl { get; init; }
    public IReadOnlyList<MetaEntry>? MetaJson { get; init; }
    public bool? Active { get; init; }
    /// <summary>The secret the provider signs its events with (Vapi, ElevenLabs; Retell signs with its API key).</summary>
    public string? WebhookSecret { get; init; }
    /// <summary>Most calls in flight at once; 0 for no limit.</summary>
    public int? MaxConcurrentCalls { get; init; }
    /// <summary>Most calls started per second; 0 for no limit (Twilio configurations default to 1).</summary>
    public double? CallsPerSecond { get; init; }
}

public sealed record MetaEntry(string MetaKey, JsonNode? MetaValue);

/// <summary>A phone number in the organization's inventory.</summary>
public sealed record PhoneNumber
{
    public int Id { get; init; }
    public int NumberId { get; init; }
    /// <summary>In E.164 form.</summary>
    public string Number { get; init; } = "";
    public bool Active { get; init; }
    /// <summary><c>assigned</c>, <c>not_assigned</c> (attachable) or <c>closed</c> (inactive), as the Unpod SDK derives it.</summary>
    public string Status { get; init; } = "";
    /// <summary><c>ASSIGNED</c> (on a bridge) or <c>NOT_ASSIGNED</c>.</summary>
    public string State { get; init; } = "";
    public int ChannelsCount { get; init; }
    public int ProviderConfigId { get; init; }
    public string Provider { get; init; } = "";
    /// <summary>The slug of the bridge the number is on.</summary>
    public string? Bridge { get; init; }
    /// <summary>The organization's SIP trunk the number is held with, when it is one.</summary>
    public int? TrunkId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record CreateNumberRequest
{
    public required string Number { get; init; }
    public required int ProviderConfigId { get; init; }
    public bool? Active { get; init; }
    public int? ChannelsCount { get; init; }
}

/// <summary>Which numbers to list: <c>assignable</c> (default), <c>assigned</c> or <c>all</c>.</summary>
public enum NumberState
{
    Assignable,
    Assigned,
    All,
}

/// <summary>Routes calls: the numbers it holds and the agents that call through it.</summary>
public sealed record Bridge
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Description { get; init; } = "";
    public string Status { get; init; } = "";
    public string? Region { get; init; }
    public string? Provider { get; init; }
    public IReadOnlyList<BridgeNumber> Numbers { get; init; } = [];
    /// <summary>Agent handles.</summary>
    public IReadOnlyList<string> Agents { get; init; } = [];
    public string OrgHandle { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ModifiedAt { get; init; }
}

public sealed record BridgeNumber
{
    public int Id { get; init; }
    public int NumberId { get; init; }
    public string Number { get; init; } = "";
    public string State { get; init; } = "";
    public bool Active { get; init; }
    public int ChannelsCount { get; init; }
    public string Status { get; init; } = "";
    public int ProviderConfigId { get; init; }
    public string Provider { get; init; } = "";
}

public sealed record CreateBridgeRequest
{
    public string? Name { get; init; }
    /// <summary>Made from the name when not given; fixed once created.</summary>
    public string? Slug { get; init; }
    public string? Description { get; init; }
    public string? Region { get; init; }
    public IReadOnlyList<string>? Agents { get; init; }
}

public sealed record UpdateBridgeRequest
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Region { get; init; }
    public IReadOnlyList<string>? Agents { get; init; }
}

/// <summary>
/// A number to put on a bridge: <see cref="ProviderConfigId"/> + <see cref="PhoneNumber"/> (added to the
/// inventory when new), or <see cref="NumberId"/> + <see cref="ProviderCredentialId"/> for one already there.
/// </summary>
public sealed record ConnectProviderRequest
{
    public int? ProviderConfigId { get; init; }
    public string? PhoneNumber { get; init; }
    public int? NumberId { get; init; }
    public int? ProviderCredentialId { get; init; }
}

public sealed record ConnectedNumber
{
    public string Message { get; init; } = "";
    public string BridgeSlug { get; init; } = "";
    public string PhoneNumber { get; init; } = "";
    public int NumberId { get; init; }
    public int ProviderConfigId { get; init; }
}

public sealed record DisconnectProviderRequest
{
    public string? PhoneNumber { get; init; }
    public int? NumberId { get; init; }
}

public sealed record DisconnectedNumber
{
    public string Message { get; init; } = "";
    public string BridgeSlug { get; init; } = "";
    public string PhoneNumber { get; init; } = "";
    public int NumberId { get; init; }
}
