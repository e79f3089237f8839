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
        var now = context.Now;
        if (context.Refusal(request) is { } invalid) return invalid;
        var live = await context.Db.ApiKeys.CountAsync(k => k.UserId == userId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), ct);
        if (live >= limits.MaxPerUser)
            return Api.Conflict($"You have {live} active API keys, the most this server allows; revoke one first.");
        return await IssueAsync(context.Db, userId, request, now, ct);
    }

    /// <summary>The write itself, without the limit: also the first-run demo's.</summary>
    public static async Task<CreatedApiKeyDto> IssueAsync(
        PodiumDb db, int userId, CreateApiKeyRequest request, DateTime now, CancellationToken ct)
    {
        var key = ApiKeySecret.Generate();
        var row = new ApiKey
        {
            UserId = userId,
            Name = request.Name?.Trim() ?? "",
            Prefix = ApiKeySecret.Prefix(key),
            Hash = ApiKeySecret.Hash(key),
            CreatedAt = now,
            ExpiresAt = request.ExpiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKeyDto(row.Id, row.Name, row.Prefix, key, row.CreatedAt, row.ExpiresAt);
    }
}
