using Podium.Server.Storage;

namespace Podium.Server.Features.Telephony.Trunks;

/// <summary>The organization's own SIP carriers ("bring your own trunk"): read by members, configured by admins.</summary>
public static class TrunkEndpoints
{
    private static readonly Resource Trunks = new("/telephony/trunks", "Trunks", "{id:int}", "Trunk", "SIP trunk");

    public static void MapTrunks(this RouteGroupBuilder api)
    {
        var group = Trunks.Map(api, List, Get, Create, Update, Delete);
        group.MapPost("/{id:int}/attach-numbers", Attach).Describe("attachTrunkNumbers", "Attach numbers to a trunk").RequireRole(Role.Admin).ValidatedByOperation();
        group.MapPost("/{id:int}/detach-numbers", Detach).Describe("detachTrunkNumbers", "Detach numbers from a trunk").RequireRole(Role.Admin).ValidatedByOperation();
    }

    /// <summary>Every trunk of the organization, oldest first (a plain array, as the SDK's list reads it).</summary>
    public static async Task<ApiResponse<IReadOnlyList<TrunkDto>>> List(PodiumDb db, CancellationToken ct)
    {
        var trunks = await db.SipTrunks.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        var numbers = await TrunkRules.NumbersAsync(db, trunks.ConvertAll(t => t.Id), ct);
        return Api.List("Trunks fetched successfully.", trunks.ConvertAll(t => TrunkDto.From(t, numbers.GetValueOrDefault(t.Id, []))), trunks.Count);
    }

    public static async Task<Results<ApiResponse<TrunkDto>, ApiError>> Get(int id, PodiumDb db, CancellationToken ct) =>
        await TrunkRules.ReadAsync(db, id, ct) is { } trunk ? Api.Ok("Trunk fetched successfully.", trunk) : TrunkRules.NotFound;

    public static async Task<Results<ApiResponse<TrunkDto>, ApiError>> Create(CreateTrunkRequest request, OperationContext context, TrunkPasswords passwords, CancellationToken ct) =>
        (await CreateTrunk.RunAsync(request, context, passwords, ct)).Answer(trunk => Api.Created("Trunk created successfully.", trunk));

    /// <summary>
    /// The trunk's numbers go back to their provider's own routing. Refused while an agent dials through
    /// the trunk: its calls would fail instead.
    /// </summary>
    public static async Task<Results<NoContent, ApiError>> Delete(int id, OperationContext context, CancellationToken ct) =>
        Api.NoContentUnless(await DeleteTrunk.RunAsync(id, context, ct));

    public static async Task<Results<ApiResponse<TrunkDto>, ApiError>> Update(
        int id, UpdateTrunkRequest request, OperationContext context, TrunkPasswords passwords, CancellationToken ct) =>
        (await UpdateTrunk.RunAsync(id, request, context, passwords, ct)).Answer(trunk => Api.Ok("Trunk updated successfully.", trunk));

    /// <summary>201 when at least one number is now on the trunk; 400 with each number's reason when none is.</summary>
    public static async Task<Results<ApiResponse<TrunkAttachResultDto>, ApiError>> Attach(
        int id, TrunkNumbersRequest request, OperationContext context, CancellationToken ct) =>
        (await AttachTrunkNumbers.RunAsync(id, request, context, ct)).Answer(attached => Api.Created("Numbers attached to trunk.", attached));

    /// <summary>Numbers leave the trunk (they stay in the inventory and on their bridge); one not on it says so.</summary>
    public static async Task<Results<ApiResponse<TrunkDetachResultDto>, ApiError>> Detach(int id, TrunkNumbersRequest request, OperationContext context, CancellationToken ct) =>
        (await DetachTrunkNumbers.RunAsync(id, request, context, ct)).Answer(detached => Api.Ok("Numbers detached from trunk.", detached));
}
