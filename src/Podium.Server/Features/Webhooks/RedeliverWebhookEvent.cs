namespace Podium.Server.Features.Webhooks;

/// <summary>Sends the event again (same event id) at the next pass, whatever became of it.</summary>
public static class RedeliverWebhookEvent
{
    public static async Task<Outcome<DeliveryDto>> RunAsync(int id, long deliveryId, OperationContext context, CancellationToken ct)
    {
        var db = context.Db;
        var now = context.Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var updated = await db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.SubscriptionId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.NextAttemptAt, now)
                .SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseExpiresAt, (DateTime?)null), ct);
        if (updated == 0) return Api.NotFound("Delivery not found");
        context.Record("webhook", "redeliver", deliveryId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await WebhookReader.DeliveryAsync(db, deliveryId, ct);
    }
}
