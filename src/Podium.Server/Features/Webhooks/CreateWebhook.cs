namespace Podium.Server.Features.Webhooks;

/// <summary>Subscribes a URL to the organization's events; its signing secret is in the answer this once.</summary>
public static class CreateWebhook
{
    public static async Task<Outcome<WebhookDto>> RunAsync(
        CreateWebhookRequest request, OperationContext context, IDataProtectionProvider protection, WebhookOptions options, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        if (await context.Db.WebhookSubscriptions.CountAsync(ct) >= options.MaxPerOrganization)
            return Api.Conflict($"The organization has {options.MaxPerOrganization} webhook subscriptions, the most this server allows; delete one first.");
        var secret = SigningSecrets.New();
        var now = context.Now;
        var subscription = new WebhookSubscription
        {
            OrganizationId = context.Tenant.OrganizationId,
            Url = request.Url!,
            EventTypes = string.Join(',', (request.EventTypes ?? []).Distinct()),
            Description = request.Description ?? "",
            ProtectedSecret = protection.CreateProtector(WebhookSender.SecretPurpose).Protect(secret),
            Enabled = request.Enabled,
            CreatedAt = now,
            ModifiedAt = now,
        };
        context.Db.WebhookSubscriptions.Add(subscription);
        await context.SaveCreatedAsync("webhook", () => subscription.Id, request, raced: null, ct);
        return WebhookDto.From(subscription, secret);
    }
}
