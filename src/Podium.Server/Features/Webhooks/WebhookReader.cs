namespace Podium.Server.Features.Webhooks;

/// <summary>A delivery as the API answers it.</summary>
public static class WebhookReader
{
    public static Task<DeliveryDto> DeliveryAsync(PodiumDb db, long id, CancellationToken ct) =>
        db.WebhookDeliveries.AsNoTracking().Where(d => d.Id == id).Select(DeliveryDto.Projection).SingleAsync(ct);
}
