namespace Podium.Server.Features.Telephony.Bridges;

/// <summary>The API's <c>disconnect-provider</c>: a number leaves the bridge and stays in the inventory.</summary>
public static class DisconnectNumber
{
    public static async Task<Outcome<DisconnectedDto>> RunAsync(string slug, DisconnectProviderRequest request, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var (db, tenant, now) = (context.Db, context.Tenant, context.Now);
        if (await db.Bridges.FirstOrDefaultAsync(b => b.Slug == slug, ct) is not { } bridge) return BridgeRules.NotFound;
        var number = await BridgeRules.FindNumberAsync(db, tenant, request.NumberId, request.PhoneNumber, ct);
        if (number.Error is not null) return number.Error;
        var field = request.NumberId is null ? "phone_number" : "number_id";
        if (number.Value is not { } phone || phone.BridgeId != bridge.Id)
            return Api.Validation(field, "This number is not connected to the bridge.");

        phone.BridgeId = null;
        phone.ModifiedAt = now;
        bridge.ModifiedAt = now;
        context.Record("bridge", "disconnect_provider", slug, request);
        await db.SaveChangesAsync(ct);
        return new DisconnectedDto("Provider disconnected successfully", bridge.Slug, phone.Number, phone.Id);
    }
}
