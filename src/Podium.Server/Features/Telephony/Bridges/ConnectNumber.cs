using Podium.Server.Features.Telephony.Numbers;

namespace Podium.Server.Features.Telephony.Bridges;

public sealed record ConnectedDto(string Message, string BridgeSlug, string PhoneNumber, int NumberId, int ProviderConfigId);

public sealed record DisconnectedDto(string Message, string BridgeSlug, string PhoneNumber, int NumberId);

/// <summary>The API's <c>connect-provider</c>: a provider's number joins the bridge.</summary>
public static class ConnectNumber
{
    /// <summary>
    /// A number not yet in the inventory is added under the given configuration, so the documented
    /// one-call set-up works. Connecting a number that is already on this bridge answers the same
    /// as the first time; one on another bridge is a 409.
    /// </summary>
    public static async Task<Outcome<ConnectedDto>> RunAsync(string slug, ConnectProviderRequest request, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var (db, tenant, now) = (context.Db, context.Tenant, context.Now);
        if (await db.Bridges.FirstOrDefaultAsync(b => b.Slug == slug, ct) is not { } bridge) return BridgeRules.NotFound;
        ProviderConfiguration? configuration = null;
        if (request.ConfigurationId is { } configurationId)
        {
            configuration = await db.ProviderConfigurations.FirstOrDefaultAsync(c => c.Id == configurationId, ct);
            if (configuration is null)
                return Api.Validation(request.ProviderConfigId is null ? "provider_credential_id" : "provider_config_id", "No provider configuration with this id in the organization.");
            if (!configuration.Active)
                return Api.Validation("provider_config_id", "The provider configuration is not active.");
        }

        var number = await BridgeRules.FindNumberAsync(db, tenant, request.NumberId, request.PhoneNumber, ct);
        if (number.Error is not null) return number.Error;
        var phone = number.Value;
        if (phone is null)
        {
            phone = new PhoneNumber
            {
                OrganizationId = tenant.OrganizationId,
                Number = NumberRules.Normalize(request.PhoneNumber, tenant.Organization.DefaultPhoneRegion)!,
                ProviderConfigurationId = configuration!.Id,
                CreatedAt = now,
                ModifiedAt = now,
            };
            db.PhoneNumbers.Add(phone);
        }
        else if (configuration is not null && phone.ProviderConfigurationId != configuration.Id)
            return Api.Validation("phone_number", "The number belongs to another provider configuration.");
        else if (phone.BridgeId is { } other && other != bridge.Id)
            return Api.Conflict("The number is already connected to another bridge. Disconnect it there first.");

        phone.Bridge = bridge;
        phone.ModifiedAt = now;
        bridge.ModifiedAt = now;
        context.Record("bridge", "connect_provider", slug, request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Api.Conflict("The number was added to the inventory by another request at the same time; try again.");
        }
        return new ConnectedDto("Provider connected successfully", bridge.Slug, phone.Number, phone.Id, phone.ProviderConfigurationId);
    }
}
