namespace Podium.Data.Entities;

/// <summary>One change made through the API: who, what, which object, when, from where. Never updated or deleted.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public int OrganizationId { get; set; }
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public string? KeyPrefix { get; set; }

    /// <summary>e.g. space.created, bridge.connect_provider, run.cancel.</summary>
    public required string Action { get; set; }
    public required string TargetType { get; set; }
    public string? TargetId { get; set; }

    /// <summary>The names of the fields the request set (JSON array); never their values.</summary>
    public string? Fields { get; set; }
    public string? IpAddress { get; set; }
    public string? RequestId { get; set; }
}
