namespace Podium.Data.Entities;

public sealed class User
{
    public int Id { get; set; }

    /// <summary>Stored lower-cased so the unique index is case-insensitive on every provider.</summary>
    public required string Email { get; set; }
    public string FullName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
