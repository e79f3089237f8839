namespace Podium.Server.Features.Webhooks;

/// <summary>Ends a subscription; its pending deliveries go with it.</summary>
public static class DeleteWebhook
{
    public static async Task<ApiError?> RunAsync(int id, OperationContext context, CancellationToken ct)
    {
        var db = context.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(ct) == 0) return WebhookEndpoints.NotFound;
        context.Record("webhook", "deleted", id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
