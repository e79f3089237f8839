namespace Podium.Server.Auth;

public sealed record ValidKey(int KeyId, int UserId, string Prefix);

public enum KeyProblem
{
    None,
    Invalid,
    Expired,
}

/// <summary>
/// Checks a presented API key against the stored hashes: shared by the API's Token scheme and the
/// console's sign-in, so a key revoked or expired is refused by both at once.
/// </summary>
public static class ApiKeyLookup
{
    // Writing last_used_at on every request would turn each read into a write; once a minute is enough.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static async Task<(ValidKey? Key, KeyProblem Problem)> FindAsync(PodiumDb db, string key, DateTime now, CancellationToken ct)
    {
        var hash = ApiKeySecret.Hash(key);
        var row = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash)
            .Select(k => new { k.Id, k.UserId, k.Prefix, k.Hash, k.ExpiresAt, k.RevokedAt, k.LastUsedAt })
            .FirstOrDefaultAsync(ct);
        if (row is null || !ApiKeySecret.Matches(row.Hash, hash) || row.RevokedAt is not null)
            return (null, KeyProblem.Invalid);
        if (row.ExpiresAt <= now)
            return (null, KeyProblem.Expired);
        if (row.LastUsedAt is null || now - row.LastUsedAt > LastUsedResolution)
            await db.ApiKeys.Where(k => k.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        return (new ValidKey(row.Id, row.UserId, row.Prefix), KeyProblem.None);
    }

    /// <summary>Whether a key the console signed in with still holds (not revoked, not expired) and is still the user's.</summary>
    public static Task<bool> StillValidAsync(PodiumDb db, int keyId, int userId, DateTime now, CancellationToken ct) =>
        db.ApiKeys.AsNoTracking().AnyAsync(k => k.Id == keyId && k.UserId == userId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), ct);
}
