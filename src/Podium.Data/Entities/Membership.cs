namespace Podium.Data.Entities;

public sealed class Membership
{
    public int OrganizationId { get; set; }
    public int UserId { get; set; }
    public Role Role { get; set; }
    public DateTime CreatedAt { get; set; }
    public Organization Organization { get; set; } = null!;
    public User User { get; set; } = null!;
}
