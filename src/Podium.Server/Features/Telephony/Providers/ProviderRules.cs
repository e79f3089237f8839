using Podium.Server.Storage;
namespace Podium.Server.Features.Telephony.Providers;

/// <summary>What the provider-configuration operations share: their refusals, the uniqueness checks, the answer's shape.</summary>
public static class ProviderRules
{
    public static readonly ApiError NotFound = Api.NotFound("Provider configuration not found");

    /// <summary>A concurrent write can pass the pre-check; the unique indexes make it a 409 all the same.</summary>
    public static readonly ApiError Raced = Api.Conflict("A provider configuration with this name or account already exists.");

    public static async Task<ApiError?> ConflictAsync(PodiumDb db, ProviderConfiguration c, CancellationToken ct)
    {
        if (await db.ProviderConfigurations.AnyAsync(o => o.Id != c.Id && o.Name == c.Name, ct))
            return Api.Conflict("A provider configuration with this name already exists.");
        if (c.AccountSid is not null && await db.ProviderConfigurations.AnyAsync(o => o.Id != c.Id && o.Provider == c.Provider && o.AccountSid == c.AccountSid, ct))
            return Api.Conflict("This provider account is already configured in the organization.");
        return null;
    }

    /// <summary>The configuration as the API shows it, with the count of numbers held through it.</summary>
    public static async Task<ProviderDto> ReadAsync(PodiumDb db, Tenant tenant, ProviderConfiguration configuration, string baseUrl, CancellationToken ct) =>
        ProviderDto.From(configuration, tenant, await db.PhoneNumbers.CountAsync(n => n.ProviderConfigurationId == configuration.Id, ct), baseUrl);
}

/// <summary>What the provider operations run with besides the operation context: the secret protector and the server's public address (for webhook URLs).</summary>
public sealed record ProviderServices(OperationContext Context, ProviderSecrets Secrets, Engine.PublicAddress Address);
