namespace Podium.Server.Features.Spaces;

public static class SpaceEndpoints
{
    public static void MapSpaces(this RouteGroupBuilder api)
    {
        new Resource("/spaces", "Spaces", "{spaceToken}", "Space", "space").Map(api, ListSpaces, Get, Create, Update, Delete);
    }

    /// <summary>Spaces the caller may see: shared ones, private ones they belong to, all of them for admins (the visibility filter).</summary>
    public static async Task<ApiResponse<IReadOnlyList<SpaceDto>>> ListSpaces(
        Paging paging, PodiumDb db, CancellationToken ct)
    {
        var visible = db.Spaces.AsNoTracking();
        var count = await visible.CountAsync(ct);
        var spaces = await paging.Apply(visible.OrderByDescending(s => s.Id), pageAll: true)
            .Select(SpaceDto.Projection)
            .ToListAsync(ct);
        return Api.List("Spaces fetched successfully", spaces, count);
    }

    public static async Task<Results<ApiResponse<SpaceDto>, ApiError>> Get(string spaceToken, PodiumDb db, CancellationToken ct) =>
        await SpaceReader.FindAsync(db, spaceToken, ct) is { } space ? Api.Ok("Space fetched successfully", space) : Api.SpaceNotFound;

    public static async Task<Results<ApiResponse<SpaceDto>, ApiError>> Create(CreateSpaceRequest request, OperationContext context, CancellationToken ct) =>
        (await CreateSpace.RunAsync(request, context, ct)).Answer(space => Api.Created("Space created successfully", space));

    public static async Task<Results<ApiResponse<SpaceDto>, ApiError>> Update(
        string spaceToken, UpdateSpaceRequest request, OperationContext context, CancellationToken ct) =>
        (await UpdateSpace.RunAsync(spaceToken, request, context, ct)).Answer(space => Api.Ok("Space updated successfully", space));

    public static async Task<Results<NoContent, ApiError>> Delete(string spaceToken, OperationContext context, CancellationToken ct) =>
        Api.NoContentUnless(await DeleteSpace.RunAsync(spaceToken, context, ct));
}
