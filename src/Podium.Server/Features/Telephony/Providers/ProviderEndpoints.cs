using Podium.Server.Engine;

namespace Podium.Server.Features.Telephony.Providers;

public static class ProviderEndpoints
{
    public static void MapProviders(this RouteGroupBuilder api)
    {
        new Resource("/telephony/providers-configurations", "Providers", "{id:int}", "ProviderConfiguration", "provider configuration").Map(api, List, Get, Create, Update, Delete);
        // The "Get Telephony Providers" list the docs refer to: what `provider` may name.
        api.MapGroup("/telephony/providers").WithTags("Providers").RequireOrganization().MapGet("/", Catalogue).Describe("listTelephonyProviders", "List the telephony providers");
    }

    public static ApiResponse<IReadOnlyList<ProviderCatalogueEntry>> Catalogue() =>
        Api.List("Telephony providers fetched successfully.",
            ProviderCatalogue.All.Select(p => new ProviderCatalogueEntry(p.Id, p.Slug, p.Name, p.Description, p.Icon)).ToList(),
            ProviderCatalogue.All.Count);

    public static async Task<ApiResponse<IReadOnlyList<ProviderDto>>> List(Tenant tenant, Paging paging, PodiumDb db, PublicAddress address, CancellationToken ct)
    {
        var (page, count) = await ProviderQueries.PageAsync(db, tenant, paging, address.BaseUrl, ct);
        return Api.List("Provider configurations fetched successfully.", page, count);
    }

    public static async Task<Results<ApiResponse<ProviderDto>, ApiError>> Get(int id, Tenant tenant, PodiumDb db, PublicAddress address, CancellationToken ct)
    {
        if (await db.ProviderConfigurations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } configuration) return ProviderRules.NotFound;
        return Api.Ok("Provider configuration fetched successfully.", await ProviderRules.ReadAsync(db, tenant, configuration, address.BaseUrl, ct));
    }

    public static async Task<Results<ApiResponse<ProviderDto>, ApiError>> Create(
        CreateProviderRequest request, [AsParameters] ProviderServices services, CancellationToken ct) =>
        (await CreateProvider.RunAsync(request, services, ct)).Answer(dto => Api.Created("Provider configuration created successfully.", dto));

    public static async Task<Results<ApiResponse<ProviderDto>, ApiError>> Update(
        int id, UpdateProviderRequest request, [AsParameters] ProviderServices services, CancellationToken ct) =>
        (await UpdateProvider.RunAsync(id, request, services, ct)).Answer(dto => Api.Ok("Provider configuration updated successfully.", dto));

    /// <summary>Refused while numbers use the configuration, unless <c>?force=true</c> deletes them too.</summary>
    public static async Task<Results<NoContent, ApiError>> Delete(int id, bool? force, OperationContext context, CancellationToken ct) =>
        Api.NoContentUnless(await DeleteProvider.RunAsync(id, force == true, context, ct));
}

public sealed record ProviderCatalogueEntry(int Id, string Slug, string Name, string Description, string? Icon);
