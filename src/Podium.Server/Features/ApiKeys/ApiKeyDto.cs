using System.Linq.Expressions;

namespace Podium.Server.Features.ApiKeys;

/// <summary>A key as listed: never the key itself, only the prefix that tells keys apart.</summary>
public sealed record ApiKeyDto(
    int Id,
    string Name,
    string Prefix,
    DateTime Created,
    DateTime? ExpiresAt,
    DateTime? RevokedAt,
    DateTime? LastUsedAt)
{
    public static readonly Expression<Func<ApiKey, ApiKeyDto>> Projection =
        k => new ApiKeyDto(k.Id, k.Name, k.Prefix, k.CreatedAt, k.ExpiresAt, k.RevokedAt, k.LastUsedAt);
}

/// <summary>The answer to creating a key: the only time <c>key</c> is shown.</summary>
public sealed record CreatedApiKeyDto(
    int Id,
    string Name,
    string Prefix,
    string Key,
    DateTime Created,
    DateTime? ExpiresAt);

public sealed record CreateApiKeyRequest(string? Name = null, int? ExpiresInDays = null) : IValidatable
{
    public const int MaxExpiryDays = 3650;

    public void Validate(ValidationErrors errors)
    {
        errors.MaxLength("name", Name, 100);
        if (ExpiresInDays is < 1 or > MaxExpiryDays)
            errors.Add("expires_in_days", $"Must be a whole number from 1 to {MaxExpiryDays}.");
    }
}

/// <summary>Key limits, under <c>ApiKeys</c>.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Active keys one user may hold: rate limits count per user, and this bounds what a leak can spread to.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10_000)]
    public int MaxPerUser { get; set; } = 25;
}
