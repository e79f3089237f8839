using Podium.Server.Features.Numbers;

namespace Podium.Server.Features.Bridges;

public sealed record ConnectedDto(string Message, string BridgeSlug, string PhoneNumber, int NumberId, int ProviderConfigId);

public sealed record DisconnectedDto(string Message, string BridgeSlug, string PhoneNumber, int NumberId);

/// <summary>Connecting a provider's number to a bridge, and taking it off again.</summary>
public static class BridgeConnections
{
    /// <summary>
    /// A number not yet in the inventory is added under the given configuration, so the documented
    /// one-call set-up works. Connecting a number that is already on this bridge answers the same
    /// as the first time; one on another bridge is a 409.
    /// </summary>
    public static async Task<Results<ApiResponse<ConnectedDto>, ApiError>> Connect(
        string slug, ConnectProviderRequest request, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var bridge = await db.Bridges.FirstOrDefaultAsync(b => b.Slug == slug, ct);
        if (bridge is null) return BridgeEndpoints.NotFound;
        ProviderConfiguration? configuration = null;
        if (request.ConfigurationId is { } configurationId)
        {
            configuration = await db.ProviderConfigurations.FirstOrDefaultAsync(c => c.Id == configurationId, ct);
            if (configuration is null)
                return Api.Validation(request.ProviderConfigId is null ? "provider_credential_id" : "provider_config_id", "No provider configuration with this id in the organization.");
            if (!configuration.Active)
                return Api.Validation("provider_config_id", "The provider configuration is not active.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var number = await FindAsync(db, tenant, request.NumberId, request.PhoneNumber, ct);
        if (number.Error is not null) return number.Error;
        var phone = number.Value;
        if (phone is null)
        {
            phone = new PhoneNumber
            {
                OrganizationId = tenant.OrganizationId,
                Number = NumberEndpoints.Normalize(request.PhoneNumber, tenant.Organization.DefaultPhoneRegion)!,
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
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Api.Conflict("The number was added to the inventory by another request at the same time; try again.");
        }
        return Api.Ok("Provider connected to bridge successfully.",
            new ConnectedDto("Provider connected successfully", bridge.Slug, phone.Number, phone.Id, phone.ProviderConfigurationId));
    }

    public static async Task<Results<ApiResponse<DisconnectedDto>, ApiError>> Disconnect(
        string slug, DisconnectProviderRequest request, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var bridge = await db.Bridges.FirstOrDefaultAsync(b => b.Slug == slug, ct);
        if (bridge is null) return BridgeEndpoints.NotFound;
        var number = await FindAsync(db, tenant, request.NumberId, request.PhoneNumber, ct);
        if (number.Error is not null) return number.Error;
        var field = request.NumberId is null ? "phone_number" : "number_id";
        if (number.Value is not { } phone || phone.BridgeId != bridge.Id)
            return Api.Validation(field, "This number is not connected to the bridge.");

        var now = clock.GetUtcNow().UtcDateTime;
        phone.BridgeId = null;
        phone.ModifiedAt = now;
        bridge.ModifiedAt = now;
        await db.SaveChangesAsync(ct);
        return Api.Ok("Provider disconnected from bridge successfully.",
            new DisconnectedDto("Provider disconnected successfully", bridge.Slug, phone.Number, phone.Id));
    }

    /// <summary>The inventory number named by id (must exist) or by phone number (null when not yet in the inventory).</summary>
    private static async Task<Outcome<PhoneNumber?>> FindAsync(PodiumDb db, Tenant tenant, int? numberId, string? phoneNumber, CancellationToken ct)
    {
        if (numberId is { } id)
            return await db.PhoneNumbers.FirstOrDefaultAsync(n => n.Id == id, ct) is { } byId
                ? byId
                : Api.Validation("number_id", "No number with this id in the organization.");
        var e164 = NumberEndpoints.Normalize(phoneNumber, tenant.Organization.DefaultPhoneRegion);
        if (e164 is null) return Api.Validation("phone_number", "Not a valid phone number.");
        return await db.PhoneNumbers.FirstOrDefaultAsync(n => n.Number == e164, ct);
    }
}
