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
/// console's sign-in, so a key revoked or expired is refused by both at once. The stored row comes
/// from the <see cref="AccessCache"/> when it can; expiry is checked against the clock every time.
/// </summary>
public static class ApiKeyLookup
{
    private sealed record StoredKey(int Id, int UserId, string Prefix, byte[] Hash, DateTime? ExpiresAt, bool Revoked, DateTime? LastUsedAt);

    public static async Task<(ValidKey? Key, KeyProblem Problem)> FindAsync(
        PodiumDb db, AccessCache cache, ApiKeyUsage usage, string key, DateTime now, CancellationToken ct)
    {
        var hash = ApiKeySecret.Hash(key);
        var row = await cache.GetOrLoadAsync("key:" + Convert.ToBase64String(hash), c => db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash)
            .Select(k => new StoredKey(k.Id, k.UserId, k.Prefix, k.Hash, k.ExpiresAt, k.RevokedAt != null, k.LastUsedAt))
            .FirstOrDefaultAsync(c), ct);
        if (row is null || !ApiKeySecret.Matches(row.Hash, hash) || row.Revoked)
            return (null, KeyProblem.Invalid);
        if (row.ExpiresAt <= now)
            return (null, KeyProblem.Expired);
        usage.Note(row.Id, row.LastUsedAt, now);
        return (new ValidKey(row.Id, row.UserId, row.Prefix), KeyProblem.None);
    }

    /// <summary>Whether a key the console signed in with still holds (not revoked, not expired) and is still the user's.</summary>
    public static Task<bool> StillValidAsync(PodiumDb db, int keyId, int userId, DateTime now, CancellationToken ct) =>
        db.ApiKeys.AsNoTracking().AnyAsync(k => k.Id == keyId && k.UserId == userId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), ct);
}
