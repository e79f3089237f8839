namespace Podium.Server.Features.ApiKeys;

/// <summary>Issuing a key, shared by <c>POST api-keys/</c>, <c>admin key create</c> and the first-run demo.</summary>
public static class ApiKeyOperations
{
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
