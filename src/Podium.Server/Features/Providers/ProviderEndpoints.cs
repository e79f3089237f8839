using Podium.Server.Engine;
using Podium.Server.Features.Audit;

namespace Podium.Server.Features.Providers;

public static class ProviderEndpoints
{
    /// <summary>A concurrent write can pass the pre-check; the unique indexes make it a 409 all the same.</summary>
    private static readonly ApiError Raced = Api.Conflict("A provider configuration with this name or account already exists.");

    public static readonly ApiError NotFound = Api.NotFound("Provider configuration not found");

    public static void MapProviders(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/telephony/providers-configurations").WithTags("Providers").RequireOrganization().Audited("provider");
        group.MapGet("/", List);
        group.MapGet("/{id:int}", Get);
        group.MapPost("/", Create).RequireRole(Role.Admin).Creates();
        group.MapPatch("/{id:int}", Update).RequireRole(Role.Admin);
        group.MapDelete("/{id:int}", Delete).RequireRole(Role.Admin);
        // The "Get Telephony Providers" list the docs refer to: what `provider` may name.
        api.MapGroup("/telephony/providers").WithTags("Providers").RequireOrganization().MapGet("/", Catalogue);
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
        var configuration = await db.ProviderConfigurations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (configuration is null) return NotFound;
        return Api.Ok("Provider configuration fetched successfully.", await DtoAsync(db, tenant, configuration, address, ct));
    }

    public static async Task<Results<ApiResponse<ProviderDto>, ApiError>> Create(
        CreateProviderRequest request, Tenant tenant, PodiumDb db, ProviderSecrets secrets, PublicAddress address, TimeProvider clock, CancellationToken ct)
    {
        var kind = request.Kind!;
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = request.Secrets;
        var accountSid = string.IsNullOrWhiteSpace(request.AccountSid) ? null : request.AccountSid.Trim();
        var configuration = new ProviderConfiguration
        {
            OrganizationId = tenant.OrganizationId,
            Name = request.Name?.Trim() ?? (accountSid is null ? kind.Name : $"{kind.Name} {accountSid}"),
            Provider = kind.Slug,
            AccountSid = accountSid,
            ProtectedSecrets = stored.Count == 0 ? null : secrets.Protect(stored),
            SecretNames = string.Join(',', stored.Keys),
            BaseUrl = NullIfEmpty(request.BaseUrl),
            SipUrl = NullIfEmpty(request.SipUrl),
            MetaJson = ProviderDto.Meta(request.MetaJson),
            Active = request.Active ?? true,
            MaxConcurrentCalls = request.MaxConcurrentCalls is > 0 ? request.MaxConcurrentCalls : null,
            // Twilio queues calls beyond an account's one call per second (the default for every account); Podium paces to it unless told otherwise.
            CallsPerSecond = request.CallsPerSecond is { } cps ? (cps > 0 ? cps : null) : kind.Slug == "twilio" ? 1 : null,
            CreatedAt = now,
            ModifiedAt = now,
        };
        if (await ConflictAsync(db, configuration, ct) is { } conflict) return conflict;
        db.ProviderConfigurations.Add(configuration);
        if (await UniqueViolation.SaveAsync(db, Raced, ct) is { } raced) return raced;
        return Api.Created("Provider configuration created successfully.", ProviderDto.From(configuration, tenant, 0, address.BaseUrl));
    }

    public static async Task<Results<ApiResponse<ProviderDto>, ApiError>> Update(
        int id, UpdateProviderRequest request, Tenant tenant, PodiumDb db, ProviderSecrets secrets, PublicAddress address, TimeProvider clock, CancellationToken ct)
    {
        var configuration = await db.ProviderConfigurations.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (configuration is null) return NotFound;
        if (request.Provider is not null && ProviderCatalogue.Resolve(request.Provider)!.Slug != configuration.Provider)
            return Api.Validation("provider", "The provider cannot be changed; create a new configuration for another provider.");

        if (request.Name is not null) configuration.Name = request.Name.Trim();
        if (request.AccountSid is not null) configuration.AccountSid = NullIfEmpty(request.AccountSid.Trim());
        if (request.AuthToken is not null || request.ApiKey is not null || request.ApiSecret is not null || request.WebhookSecret is not null)
        {
            var stored = secrets.Unprotect(configuration.ProtectedSecrets);
            Replace(stored, "auth_token", request.AuthToken);
            Replace(stored, "api_key", request.ApiKey);
            Replace(stored, "api_secret", request.ApiSecret);
            Replace(stored, "webhook_secret", request.WebhookSecret);
            configuration.ProtectedSecrets = stored.Count == 0 ? null : secrets.Protect(stored);
            configuration.SecretNames = string.Join(',', ProviderSecrets.Names.Where(stored.ContainsKey));
        }
        if (request.BaseUrl is not null) configuration.BaseUrl = NullIfEmpty(request.BaseUrl);
        if (request.SipUrl is not null) configuration.SipUrl = NullIfEmpty(request.SipUrl);
        if (request.MetaJson is not null) configuration.MetaJson = ProviderDto.Meta(request.MetaJson);
        if (request.Active is { } active) configuration.Active = active;
        if (request.MaxConcurrentCalls is { } most) configuration.MaxConcurrentCalls = most > 0 ? most : null;
        if (request.CallsPerSecond is { } rate) configuration.CallsPerSecond = rate > 0 ? rate : null;
        configuration.ModifiedAt = clock.GetUtcNow().UtcDateTime;

        if (await ConflictAsync(db, configuration, ct) is { } conflict) return conflict;
        if (await UniqueViolation.SaveAsync(db, Raced, ct) is { } raced) return raced;
        return Api.Ok("Provider configuration updated successfully.", await DtoAsync(db, tenant, configuration, address, ct));
    }

    /// <summary>Refused while numbers use the configuration, unless <c>?force=true</c> deletes them too.</summary>
    public static async Task<Results<NoContent, ApiError>> Delete(int id, bool? force, PodiumDb db, CancellationToken ct)
    {
        var configuration = await db.ProviderConfigurations.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (configuration is null) return NotFound;
        var numbers = db.PhoneNumbers.Where(n => n.ProviderConfigurationId == id);
        var inUse = await numbers.CountAsync(ct);
        if (inUse > 0 && force != true)
            return Api.Conflict($"{inUse} phone number(s) use this provider configuration. Delete them first, or pass ?force=true to delete them with it.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await numbers.ExecuteDeleteAsync(ct);
        db.ProviderConfigurations.Remove(configuration);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<ProviderDto> DtoAsync(PodiumDb db, Tenant tenant, ProviderConfiguration configuration, PublicAddress address, CancellationToken ct) =>
        ProviderDto.From(configuration, tenant,
            await db.PhoneNumbers.CountAsync(n => n.ProviderConfigurationId == configuration.Id, ct), address.BaseUrl);

    private static async Task<ApiError?> ConflictAsync(PodiumDb db, ProviderConfiguration c, CancellationToken ct)
    {
        if (await db.ProviderConfigurations.AnyAsync(o => o.Id != c.Id && o.Name == c.Name, ct))
            return Api.Conflict("A provider configuration with this name already exists.");
        if (c.AccountSid is not null && await db.ProviderConfigurations.AnyAsync(o => o.Id != c.Id && o.Provider == c.Provider && o.AccountSid == c.AccountSid, ct))
            return Api.Conflict("This provider account is already configured in the organization.");
        return null;
    }


    private static void Replace(Dictionary<string, string> stored, string name, string? value)
    {
        if (value is null) return;
        if (value.Length == 0) stored.Remove(name);
        else stored[name] = value;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record ProviderCatalogueEntry(int Id, string Slug, string Name, string Description, string? Icon);
