namespace Podium.Server.Features.Webhooks;

/// <summary>A new signing secret, shown this once; the previous one signs beside it for <c>grace_hours</c>.</summary>
public static class RotateWebhookSecret
{
    public static async Task<Outcome<WebhookDto>> RunAsync(
        int id, RotateSecretRequest? request, OperationContext context, IDataProtectionProvider protection, CancellationToken ct)
    {
        if (request is not null && context.Refusal(request) is { } invalid) return invalid;
        if (await context.Db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } subscription) return WebhookEndpoints.NotFound;
        var now = context.Now;
        var grace = (request ?? new RotateSecretRequest()).Grace;
        var secret = SigningSecrets.New();
        (subscription.ProtectedPreviousSecret, subscription.PreviousSecretExpiresAt) = grace > TimeSpan.Zero ? (subscription.ProtectedSecret, now + grace) : ((string?)null, (DateTime?)null);
        subscription.ProtectedSecret = protection.CreateProtector(WebhookSender.SecretPurpose).Protect(secret);
        subscription.ModifiedAt = now;
        context.Record("webhook", "rotate_secret", id, request);
        await context.Db.SaveChangesAsync(ct);
        return WebhookDto.From(subscription, secret);
    }
}
