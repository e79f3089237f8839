using Podium.Server.Storage;
namespace Podium.Server.Features.Telephony.Providers;

/// <summary>Changes the fields sent; a secret sent empty is removed, one left out is kept. The provider itself cannot change.</summary>
public static class UpdateProvider
{
    public static async Task<Outcome<ProviderDto>> RunAsync(int id, UpdateProviderRequest request, ProviderServices services, CancellationToken ct)
    {
        var context = services.Context;
        if (context.Refusal(request) is { } invalid) return invalid;
        if (await context.Db.ProviderConfigurations.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } configuration) return ProviderRules.NotFound;
        if (request.Provider is not null && ProviderCatalogue.Resolve(request.Provider)!.Slug != configuration.Provider)
            return Api.Validation("provider", "The provider cannot be changed; create a new configuration for another provider.");

        if (request.Name is not null) configuration.Name = request.Name.Trim();
        if (request.AccountSid is not null) configuration.AccountSid = OptionalText.Of(request.AccountSid);
        if (request.AuthToken is not null || request.ApiKey is not null || request.ApiSecret is not null || request.WebhookSecret is not null)
        {
            var stored = services.Secrets.Unprotect(configuration.ProtectedSecrets);
            Replace(stored, "auth_token", request.AuthToken);
            Replace(stored, "api_key", request.ApiKey);
            Replace(stored, "api_secret", request.ApiSecret);
            Replace(stored, "webhook_secret", request.WebhookSecret);
            configuration.ProtectedSecrets = stored.Count == 0 ? null : services.Secrets.Protect(stored);
            configuration.SecretNames = string.Join(',', ProviderSecrets.Names.Where(stored.ContainsKey));
        }
        if (request.BaseUrl is not null) configuration.BaseUrl = OptionalText.Of(request.BaseUrl);
        if (request.SipUrl is not null) configuration.SipUrl = OptionalText.Of(request.SipUrl);
        if (request.MetaJson is not null) configuration.MetaJson = ProviderDto.Meta(request.MetaJson);
        if (request.Active is { } active) configuration.Active = active;
        if (request.MaxConcurrentCalls is { } most) configuration.MaxConcurrentCalls = most > 0 ? most : null;
        if (request.CallsPerSecond is { } rate) configuration.CallsPerSecond = rate > 0 ? rate : null;
        configuration.ModifiedAt = context.Now;

        if (await ProviderRules.ConflictAsync(context.Db, configuration, ct) is { } conflict) return conflict;
        context.Record("provider", "updated", id, request);
        if (await UniqueViolation.SaveAsync(context.Db, ProviderRules.Raced, ct) is { } raced) return raced;
        return await ProviderRules.ReadAsync(context.Db, context.Tenant, configuration, services.Address.BaseUrl, ct);
    }

    private static void Replace(Dictionary<string, string> stored, string name, string? value)
    {
        if (value is null) return;
        if (value.Length == 0) stored.Remove(name);
        else stored[name] = value;
    }
}
