using Microsoft.AspNetCore.Mvc;

namespace Podium.Server.Features.Telephony.Numbers;

/// <param name="ProviderConfigId">The provider configuration the number is held through.</param>
public sealed record CreateNumberRequest(string? Number = null, int? ProviderConfigId = null, bool Active = true, int ChannelsCount = 1) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required("number", Number);
        errors.MaxLength("number", Number, 32);
        if (ProviderConfigId is null) errors.Add("provider_config_id", "This field is required.");
        if (ChannelsCount is < 1 or > 10_000) errors.Add("channels_count", "Must be from 1 to 10000.");
    }
}

public static class NumberEndpoints
{
    private static readonly string[] States = ["assignable", "assigned", "all"];

    public static void MapNumbers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/telephony/numbers").WithTags("Numbers").RequireOrganization();
        group.MapGet("/", List).Describe("listNumbers", "List telephony numbers");
        group.MapPost("/", Create).Describe("createNumber", "Add a number to the inventory").RequireRole(Role.Admin).Creates().ValidatedByOperation();
        group.MapDelete("/{id:int}", Delete).Describe("deleteNumber", "Delete a number").RequireRole(Role.Admin);
        group.MapPost("/attach", Attach).Describe("attachNumbers", "Attach numbers to an agent or bridge").RequireRole(Role.Admin).ValidatedByOperation();
        group.MapPost("/detach", Detach).Describe("detachNumbers", "Detach numbers").RequireRole(Role.Admin).ValidatedByOperation();
        api.MapGroup("/telephony/overview").WithTags("Numbers").RequireOrganization().MapGet("/", NumberOverview.List).Describe("getTelephonyOverview", "List numbers with their routing");
    }

    /// <summary>
    /// By default the numbers that can still be connected (active, on no bridge), as the reference describes;
    /// <c>?state=assigned|all</c> widens it, and so does the Unpod SDK's <c>?include_assigned=true</c> (all).
    /// </summary>
    public static async Task<Results<ApiResponse<IReadOnlyList<NumberDto>>, ApiError>> List(
        string? state, [FromQuery(Name = "include_assigned")] bool? includeAssigned, Paging paging, PodiumDb db, CancellationToken ct)
    {
        var numbers = db.PhoneNumbers.AsNoTracking();
        if (includeAssigned == true && state is not null && state != "all")
            return Api.Validation("include_assigned", "include_assigned=true lists every number; leave state out.");
        switch (state ?? (includeAssigned == true ? "all" : "assignable"))
        {
            case "assignable": numbers = numbers.Where(n => n.Active && n.BridgeId == null); break;
            case "assigned": numbers = numbers.Where(n => n.BridgeId != null); break;
            case "all": break;
            default: return Api.Validation("state", $"Use one of: {string.Join(", ", States)}.");
        }
        var (page, count) = await NumberQueries.PageAsync(numbers, paging, ct);
        return Api.List("Telephony numbers fetched successfully.", page, count);
    }

    public static async Task<Results<ApiResponse<NumberDto>, ApiError>> Create(CreateNumberRequest request, OperationContext context, CancellationToken ct) =>
        (await CreateNumber.RunAsync(request, context, ct)).Answer(number => Api.Created("Telephony number created successfully.", number));

    /// <summary>Refused while the number is on a bridge, unless <c>?force=true</c> disconnects it first.</summary>
    public static async Task<Results<NoContent, ApiError>> Delete(int id, bool? force, OperationContext context, CancellationToken ct) =>
        Api.NoContentUnless(await DeleteNumber.RunAsync(id, force == true, context, ct));

    /// <summary>201 when at least one number is attached; 400 naming each number's reason when none is.</summary>
    public static async Task<Results<ApiResponse<AttachNumbersResultDto>, ApiError>> Attach(AttachNumbersRequest request, OperationContext context, CancellationToken ct) =>
        (await AttachNumbers.RunAsync(request, context, ct)).Answer(attached =>
            Api.Created(attached.AgentId is null ? "Numbers attached to bridge." : "Numbers attached to agent.", attached));

    /// <summary>Each number leaves its bridge (it stays in the inventory); one on no bridge says so.</summary>
    public static async Task<Results<ApiResponse<DetachNumbersResultDto>, ApiError>> Detach(DetachNumbersRequest request, OperationContext context, CancellationToken ct) =>
        (await DetachNumbers.RunAsync(request, context, ct)).Answer(detached => Api.Ok("Numbers detached.", detached));
}
