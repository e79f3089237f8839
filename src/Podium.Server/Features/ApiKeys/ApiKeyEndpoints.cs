using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Podium.Data;
using Podium.Data.Entities;
using Podium.Server.Auth;
using Podium.Server.Features.Audit;
using Podium.Server.Http;

namespace Podium.Server.Features.ApiKeys;

/// <summary>A user's own keys. Keys belong to users, not organizations, so no Org-Handle is needed.</summary>
public static class ApiKeyEndpoints
{
    private static readonly ApiError KeyNotFound = Api.NotFound("API key not found");

    public static void MapApiKeys(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api-keys").WithTags("API keys").WithValidation().Audited("api_key");
        group.MapGet("/", ListApiKeys);
        group.MapPost("/", CreateApiKey).Creates();
        group.MapDelete("/{keyId:int}", RevokeApiKey);
    }

    public static async Task<ApiResponse<IReadOnlyList<ApiKeyDto>>> ListApiKeys(
        Caller caller, Paging paging, PodiumDb db, CancellationToken ct)
    {
        var keys = db.ApiKeys.AsNoTracking().Where(k => k.UserId == caller.UserId);
        var count = await keys.CountAsync(ct);
        var page = await paging.Apply(keys.OrderByDescending(k => k.Id), pageAll: true).Select(ApiKeyDto.Projection).ToListAsync(ct);
        return Api.List("API keys fetched successfully", page, count);
    }

    public static async Task<ApiResponse<CreatedApiKeyDto>> CreateApiKey(
        CreateApiKeyRequest request, Caller caller, PodiumDb db, TimeProvider clock, CancellationToken ct) =>
        Api.Created("API key created successfully",
            await ApiKeyOperations.IssueAsync(db, caller.UserId, request, clock.GetUtcNow().UtcDateTime, ct));

    /// <summary>
    /// Revokes one of the caller's keys, or, for an org admin, a key of a member of that org (a
    /// leaked key must be stoppable by someone other than its owner). A colleague without the
    /// admin role gets 403; a key of a stranger does not exist as far as the caller can tell (404).
    /// </summary>
    public static async Task<Results<NoContent, ApiError>> RevokeApiKey(
        int keyId, Caller caller, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId, ct);
        if (key is null) return KeyNotFound;
        if (key.UserId != caller.UserId)
        {
            var sharedRoles = await db.Memberships
                .Where(mine => mine.UserId == caller.UserId
                    && db.Memberships.Any(theirs => theirs.UserId == key.UserId && theirs.OrganizationId == mine.OrganizationId))
                .Select(mine => mine.Role)
                .ToListAsync(ct);
            if (sharedRoles.Count == 0) return KeyNotFound;
            if (!sharedRoles.Contains(Role.Admin)) return Api.Forbidden();
        }
        key.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
