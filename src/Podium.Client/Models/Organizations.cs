using System.Text.Json.Serialization;

namespace Podium.Client;

/// <summary>A caller's role in an organization, from least to most privileged.</summary>
public enum Role
{
    Viewer,
    Member,
    Admin,
}

public sealed record Organization
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Token { get; init; } = "";
    public string Domain { get; init; } = "";
    public string DomainHandle { get; init; } = "";
    public bool IsPrivateDomain { get; init; }
    /// <summary>The caller's role in this organization.</summary>
    public Role Role { get; init; }
    public string DefaultPhoneRegion { get; init; } = "";
    public string Timezone { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record CreateOrganizationRequest
{
    public required string Name { get; init; }
    public required string DomainHandle { get; init; }
    public string? Domain { get; init; }
    public bool? IsPrivateDomain { get; init; }
    /// <summary>ISO 3166 region used to read phone numbers written without a country code, e.g. <c>US</c>.</summary>
    public string? DefaultPhoneRegion { get; init; }
    /// <summary>IANA time zone, e.g. <c>America/New_York</c>.</summary>
    public string? Timezone { get; init; }
}

public sealed record UpdateOrganizationRequest
{
    public string? Name { get; init; }
    public string? Domain { get; init; }
    public bool? IsPrivateDomain { get; init; }
    public string? DefaultPhoneRegion { get; init; }
    public string? Timezone { get; init; }
}

public sealed record Member
{
    public int Id { get; init; }
    public string Email { get; init; } = "";
    public string FullName { get; init; } = "";
    public Role Role { get; init; }
    public DateTimeOffset Created { get; init; }
}

public sealed record AddMemberRequest
{
    public required string Email { get; init; }
    public Role? Role { get; init; }
}

public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Revoked,
}

/// <summary>An offer of membership; the invitee joins by accepting it with their own key.</summary>
public sealed record Invitation
{
    public int Id { get; init; }
    public InvitationOrganization Organization { get; init; } = new();
    public string Email { get; init; } = "";
    public Role Role { get; init; }
    public InvitationStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}

public sealed record InvitationOrganization
{
    public string Name { get; init; } = "";
    public string DomainHandle { get; init; } = "";
}

public sealed record UpdateMemberRequest
{
    public required Role Role { get; init; }
}

public sealed record ApiKey
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    /// <summary>The key's first characters, enough to recognize it in logs and the audit log.</summary>
    public string Prefix { get; init; } = "";
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
}

/// <summary>A new key: <see cref="Key"/> is shown this once and never again.</summary>
public sealed record CreatedApiKey
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Prefix { get; init; } = "";
    public string Key { get; init; } = "";
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
}

public sealed record CreateApiKeyRequest
{
    public string? Name { get; init; }
    public int? ExpiresInDays { get; init; }
}

public sealed record AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public string Action { get; init; } = "";
    public string TargetType { get; init; } = "";
    public string? TargetId { get; init; }
    public AuditUser? User { get; init; }
    public string? KeyPrefix { get; init; }
    /// <summary>The names of the fields the request set; never their values.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
    public string? IpAddress { get; init; }
    public string? RequestId { get; init; }
}

public sealed record AuditUser
{
    public int Id { get; init; }
    public string Email { get; init; } = "";
}

/// <summary>Filters of the audit log.</summary>
public sealed record AuditLogQuery
{
    /// <summary>e.g. <c>space.created</c>, <c>agent.updated</c>, <c>run.cancel</c>.</summary>
    public string? Action { get; init; }
    /// <summary>e.g. <c>space</c>, <c>agent</c>, <c>webhook</c>.</summary>
    public string? TargetType { get; init; }

    [JsonIgnore]
    internal Query Query => new Query().Add("action", Action).Add("target_type", TargetType);
}
