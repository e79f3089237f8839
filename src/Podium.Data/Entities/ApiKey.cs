namespace Podium.Data.Entities;

/// <summary>A user's API key. Only the SHA-256 of the key is stored; the key itself is shown once.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The first characters of the key, safe to display so a user can tell keys apart.</summary>
    public required string Prefix { get; set; }
    public required byte[] Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public User User { get; set; } = null!;
}
