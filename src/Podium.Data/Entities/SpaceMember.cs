namespace Podium.Data.Entities;

/// <summary>Grants a user access to a private space.</summary>
public sealed class SpaceMember : ITenantOwned
{
    public int OrganizationId { get; set; }
    public int SpaceId { get; set; }
    public int UserId { get; set; }
    public User User { get; set; } = null!;
}
