namespace Podium.Server.Features.Telephony.Bridges;

public static class BridgeEndpoints
{
    public static void MapBridges(this RouteGroupBuilder api)
    {
        var group = new Resource("/telephony/bridges", "Bridges", "{slug}", "Bridge", "bridge").Map(api, List, Get, Create, Update, Delete);
        group.MapPost("/{slug}/connect-provider", Connect).Describe("connectBridgeNumber", "Connect a provider's number to a bridge").RequireRole(Role.Admin).ValidatedByOperation();
        group.MapPost("/{slug}/disconnect-provider", Disconnect).Describe("disconnectBridgeNumber", "Disconnect a number from a bridge").RequireRole(Role.Admin).ValidatedByOperation();
    }

    public static async Task<ApiResponse<IReadOnlyList<BridgeDto>>> List(Tenant tenant, Paging paging, PodiumDb db, CancellationToken ct)
    {
        var (page, count) = await BridgeQueries.PageAsync(db, tenant, paging, ct);
        return Api.List("Bridges fetched successfully.", page, count);
    }

    public static async Task<Results<ApiResponse<BridgeDto>, ApiError>> Get(string slug, Tenant tenant, PodiumDb db, CancellationToken ct)
    {
        var bridge = await db.Bridges.AsNoTracking().Loaded().FirstOrDefaultAsync(b => b.Slug == slug, ct);
        return bridge is null ? BridgeRules.NotFound : Api.Ok("Bridge fetched successfully.", BridgeDto.From(bridge, tenant.Organization.DomainHandle));
    }

    public static async Task<Results<ApiResponse<BridgeDto>, ApiError>> Create(CreateBridgeRequest request, OperationContext context, CancellationToken ct) =>
        (await CreateBridge.RunAsync(request, context, ct)).Answer(bridge => Api.Created("Bridge created successfully.", bridge));

    public static async Task<Results<ApiResponse<BridgeDto>, ApiError>> Update(
        string slug, UpdateBridgeRequest request, OperationContext context, CancellationToken ct) =>
        (await UpdateBridge.RunAsync(slug, request, context, ct)).Answer(bridge => Api.Ok("Bridge updated successfully.", bridge));

    /// <summary>
    /// Deleting a bridge that still has numbers would cut live routing, so it is refused unless
    /// <c>?force=true</c>, which disconnects them first (the numbers stay in the inventory).
    /// </summary>
    public static async Task<Results<NoContent, ApiError>> Delete(string slug, bool? force, OperationContext context, CancellationToken ct) =>
        Api.NoContentUnless(await DeleteBridge.RunAsync(slug, force == true, context, ct));

    /// <summary>
    /// A number not yet in the inventory is added under the given configuration, so the documented
    /// one-call set-up works. Connecting a number that is already on this bridge answers the same
    /// as the first time; one on another bridge is a 409.
    /// </summary>
    public static async Task<Results<ApiResponse<ConnectedDto>, ApiError>> Connect(
        string slug, ConnectProviderRequest request, OperationContext context, CancellationToken ct) =>
        (await ConnectNumber.RunAsync(slug, request, context, ct)).Answer(connected => Api.Ok("Provider connected to bridge successfully.", connected));

    public static async Task<Results<ApiResponse<DisconnectedDto>, ApiError>> Disconnect(
        string slug, DisconnectProviderRequest request, OperationContext context, CancellationToken ct) =>
        (await DisconnectNumber.RunAsync(slug, request, context, ct)).Answer(gone => Api.Ok("Provider disconnected from bridge successfully.", gone));
}
