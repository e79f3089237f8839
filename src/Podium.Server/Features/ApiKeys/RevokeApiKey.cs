namespace Podium.Server.Features.ApiKeys;

/// <summary>
/// Revokes one of a user's own keys. Keys belong to their owner alone: another user's key is not
/// found, whatever the caller's roles. An admin cuts someone off by removing their membership.
/// </summary>
public static class RevokeApiKey
{
    public static readonly ApiError KeyNotFound = Api.NotFound("API key not found");

    public static async Task<ApiError?> RunAsync(int userId, int keyId, OperationContext context, CancellationToken ct)
    {
        var now = context.Now;
        var found = await context.Db.ApiKeys.Where(k => k.Id == keyId && k.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, k => k.RevokedAt ?? now), ct);
        return found == 0 ? KeyNotFound : null;
    }
}
