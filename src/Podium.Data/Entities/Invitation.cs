namespace Podium.Data.Entities;

/// <summary>
/// An offer of membership to whoever holds an e-mail address. Nobody joins an organization without
/// accepting with their own key; the address need not belong to a user yet.
/// </summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    /// <summary>Lower-cased, as users' e-mails are.</summary>
    public required string Email { get; set; }
    public Role Role { get; set; }
    public InvitationStatus Status { get; set; }
    public int? InvitedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RespondedAt { get; set; }
}

public enum InvitationStatus
{
    Pending = 1,
    Accepted = 2,
    Declined = 3,
    Revoked = 4,
}
