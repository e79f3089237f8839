using Microsoft.AspNetCore.Mvc;
using Podium.Server.Engine;
using Podium.Server.Features.Audit;

namespace Podium.Server.Features.Numbers;

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
    public static readonly ApiError NotFound = Api.NotFound("Telephony number not found");
    private static readonly string[] States = ["assignable", "assigned", "all"];

    public static void MapNumbers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/telephony/numbers").WithTags("Numbers").RequireOrganization().Audited("number");
        group.MapGet("/", List);
        group.MapPost("/", Create).RequireRole(Role.Admin).Creates();
        group.MapDelete("/{id:int}", Delete).RequireRole(Role.Admin);
        group.MapPost("/attach", NumberAttachments.Attach).RequireRole(Role.Admin);
        group.MapPost("/detach", NumberAttachments.Detach).RequireRole(Role.Admin);
        api.MapGroup("/telephony/overview").WithTags("Numbers").RequireOrganization().MapGet("/", NumberOverview.List);
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

    public static async Task<Results<ApiResponse<NumberDto>, ApiError>> Create(
        CreateNumberRequest request, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var number = Normalize(request.Number, tenant.Organization.DefaultPhoneRegion);
        if (number is null) return Api.Validation("number", "Not a valid phone number.");
        if (!await db.ProviderConfigurations.AnyAsync(c => c.Id == request.ProviderConfigId, ct))
            return Api.Validation("provider_config_id", "No provider configuration with this id in the organization.");
        if (await db.PhoneNumbers.AnyAsync(n => n.Number == number, ct))
            return Api.Conflict("This number is already in the organization's inventory.");

        var now = clock.GetUtcNow().UtcDateTime;
        var created = new PhoneNumber
        {
            OrganizationId = tenant.OrganizationId,
            Number = number,
            ProviderConfigurationId = request.ProviderConfigId!.Value,
            Active = request.Active,
            ChannelsCount = request.ChannelsCount,
            CreatedAt = now,
            ModifiedAt = now,
        };
        db.PhoneNumbers.Add(created);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Api.Conflict("This number is already in the organization's inventory.");
        }
        return Api.Created("Telephony number created successfully.",
            await db.PhoneNumbers.AsNoTracking().Where(n => n.Id == created.Id).Select(NumberDto.Projection).SingleAsync(ct));
    }

    /// <summary>Refused while the number is on a bridge, unless <c>?force=true</c> disconnects it first.</summary>
    public static async Task<Results<NoContent, ApiError>> Delete(int id, bool? force, PodiumDb db, CancellationToken ct)
    {
        var number = await db.PhoneNumbers.Include(n => n.Bridge).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (number is null) return NotFound;
        if (number.Bridge is { } bridge && force != true)
            return Api.Conflict($"The number is connected to bridge \"{bridge.Slug}\". Disconnect it first, or pass ?force=true.");
        db.PhoneNumbers.Remove(number);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>E.164 for a number written with or without its country code (the org's region by default).</summary>
    public static string? Normalize(string? number, string defaultRegion) =>
        string.IsNullOrWhiteSpace(number) ? null : Recipients.Parse(number, defaultRegion)?.E164;
}
