namespace Podium.Server.Features.Webhooks;

/// <summary>A <c>webhook.test</c> event for one subscription only, sent at the next pass.</summary>
public static class SendTestEvent
{
    public static async Task<Outcome<DeliveryDto>> RunAsync(int id, OperationContext context, CancellationToken ct)
    {
        var db = context.Db;
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct)) return WebhookEndpoints.NotFound;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sent = await context.Events.EnqueueAsync(context.Tenant.OrganizationId, "webhook.test", new { message = "A test event from Podium." }, context.Now, ct, onlySubscription: id);
        context.Record("webhook", "test", id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var delivery = await db.WebhookDeliveries.Where(d => d.EventRowId == sent!.Id).Select(d => d.Id).SingleAsync(ct);
        return await WebhookReader.DeliveryAsync(db, delivery, ct);
    }
}
