namespace Podium.Server.Features.ApiKeys;

/// <summary>
/// Issues a key to a user, within the server's limit of live keys per user. A key is its owner's,
/// not an organization's: no organization's audit log records it.
/// </summary>
public static class CreateApiKey
{
    public static async Task<Outcome<CreatedApiKeyDto>> RunAsync(
        int userId, CreateApiKeyRequest request, OperationContext context, ApiKeyOptions limits, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var now = context.Now;
        var live = await context.Db.ApiKeys.CountAsync(k => k.UserId == userId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), ct);
        if (live >= limits.MaxPerUser)
            return Api.Conflict($"You have {live} active API keys, the most this server allows; revoke one first.");
        return await ApiKeyOperations.IssueAsync(context.Db, userId, request, now, ct);
    }
}
