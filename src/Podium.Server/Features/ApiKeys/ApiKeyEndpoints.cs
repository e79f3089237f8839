namespace Podium.Server.Features.ApiKeys;

/// <summary>A user's own keys. Keys belong to users, not organizations, so no Org-Handle is needed.</summary>
public static class ApiKeyEndpoints
{
    public static void MapApiKeys(this RouteGroupBuilder api)
    {
        // A key is its owner's, not an organization's: no organization's audit log records it.
        var group = api.MapGroup("/api-keys").WithTags("API keys").WithValidation();
        group.MapGet("/", ListApiKeys).Describe("listApiKeys", "List the caller's API keys");
        group.MapPost("/", CreateApiKey).Describe("createApiKey", "Create an API key").Creates().ValidatedByOperation();
        group.MapDelete("/{keyId:int}", RevokeApiKey).Describe("revokeApiKey", "Revoke an API key");
    }

    public static async Task<ApiResponse<IReadOnlyList<ApiKeyDto>>> ListApiKeys(
        Caller caller, Paging paging, PodiumDb db, CancellationToken ct)
    {
        var keys = db.ApiKeys.AsNoTracking().Where(k => k.UserId == caller.UserId);
        var count = await keys.CountAsync(ct);
        var page = await paging.Apply(keys.OrderByDescending(k => k.Id), pageAll: true).Select(ApiKeyDto.Projection).ToListAsync(ct);
        return Api.List("API keys fetched successfully", page, count);
    }

    public static async Task<Results<ApiResponse<CreatedApiKeyDto>, ApiError>> CreateApiKey(
        CreateApiKeyRequest request, Caller caller, OperationContext context, IOptions<ApiKeyOptions> options, CancellationToken ct) =>
        (await ApiKeys.CreateApiKey.RunAsync(caller.UserId, request, context, options.Value, ct)).Answer(key => Api.Created("API key created successfully", key));

    /// <summary>
    /// Revokes one of the caller's own keys. Keys belong to their owner alone: another user's key is not
    /// found, whatever the caller's roles. An admin cuts someone off by removing their membership.
    /// </summary>
    public static async Task<Results<NoContent, ApiError>> RevokeApiKey(int keyId, Caller caller, OperationContext context, CancellationToken ct) =>
        Api.NoContentUnless(await ApiKeys.RevokeApiKey.RunAsync(caller.UserId, keyId, context, ct));
}
