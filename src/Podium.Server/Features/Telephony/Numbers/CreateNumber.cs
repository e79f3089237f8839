namespace Podium.Server.Features.Telephony.Numbers;

/// <summary>Adds a number to the organization's inventory, held through one of its provider configurations.</summary>
public static class CreateNumber
{
    private static readonly ApiError InInventory = Api.Conflict("This number is already in the organization's inventory.");

    public static async Task<Outcome<NumberDto>> RunAsync(CreateNumberRequest request, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var db = context.Db;
        var number = NumberRules.Normalize(request.Number, context.Tenant.Organization.DefaultPhoneRegion);
        if (number is null) return Api.Validation("number", "Not a valid phone number.");
        if (!await db.ProviderConfigurations.AnyAsync(c => c.Id == request.ProviderConfigId, ct))
            return Api.Validation("provider_config_id", "No provider configuration with this id in the organization.");
        if (await db.PhoneNumbers.AnyAsync(n => n.Number == number, ct)) return InInventory;

        var created = new PhoneNumber
        {
            OrganizationId = context.Tenant.OrganizationId,
            Number = number,
            ProviderConfigurationId = request.ProviderConfigId!.Value,
            Active = request.Active,
            ChannelsCount = request.ChannelsCount,
            CreatedAt = context.Now,
            ModifiedAt = context.Now,
        };
        db.PhoneNumbers.Add(created);
        if (await context.SaveCreatedAsync("number", () => created.Id, request, InInventory, ct) is { } raced) return raced;
        return await db.PhoneNumbers.AsNoTracking().Where(n => n.Id == created.Id).Select(NumberDto.Projection).SingleAsync(ct);
    }
}
