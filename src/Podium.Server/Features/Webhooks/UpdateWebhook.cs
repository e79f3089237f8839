namespace Podium.Server.Features.Webhooks;

/// <summary>Changes the fields sent; enabling a subscription again clears why it was disabled.</summary>
public static class UpdateWebhook
{
    public static async Task<Outcome<WebhookDto>> RunAsync(int id, UpdateWebhookRequest request, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        if (await context.Db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } subscription) return WebhookEndpoints.NotFound;
        if (request.Url is not null) subscription.Url = request.Url;
        if (request.EventTypes is not null) subscription.EventTypes = string.Join(',', request.EventTypes.Distinct());
        if (request.Description is not null) subscription.Description = request.Description;
        if (request.Enabled is { } enabled)
        {
            subscription.Enabled = enabled;
            if (enabled) (subscription.DisabledReason, subscription.FailingSince) = (null, null);
        }
        subscription.ModifiedAt = context.Now;
        context.Record("webhook", "updated", id, request);
        await context.Db.SaveChangesAsync(ct);
        return WebhookDto.From(subscription);
    }
}
