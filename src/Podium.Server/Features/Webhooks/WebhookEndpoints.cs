using System.Text.Json.Serialization;
using Podium.Server.Events;

namespace Podium.Server.Features.Webhooks;

/// <param name="EventTypes">Empty or left out: every type.</param>
public sealed record CreateWebhookRequest(string? Url = null, IReadOnlyList<string>? EventTypes = null, string? Description = null, bool Enabled = true) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required("url", Url);
        Rules.OutboundUrl(errors, "url", Url);
        WebhookRules.Check(errors, EventTypes, Description);
    }
}

/// <summary>Fields left out keep their value; enabling clears the reason a subscription was disabled.</summary>
public sealed record UpdateWebhookRequest(string? Url = null, IReadOnlyList<string>? EventTypes = null, string? Description = null, bool? Enabled = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        Rules.OutboundUrl(errors, "url", Url);
        WebhookRules.Check(errors, EventTypes, Description);
    }
}

internal static class WebhookRules
{
    public static void Check(ValidationErrors errors, IReadOnlyList<string>? types, string? description)
    {
        errors.MaxLength("description", description, 500);
        for (var i = 0; i < types?.Count; i++)
            if (!EventOutbox.EventTypes.Contains(types[i]))
                errors.Add($"event_types[{i}]", $"Use one of: {string.Join(", ", EventOutbox.EventTypes)}.");
    }
}

/// <summary>A subscription; <c>secret</c> appears once, in the answer that creates it.</summary>
public sealed record WebhookDto(
    int Id, string Url, IReadOnlyList<string> EventTypes, string Description, bool Enabled, string? DisabledReason, DateTime? FailingSince,
    DateTime? PreviousSecretExpiresAt, DateTime CreatedAt, DateTime ModifiedAt, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null)
{
    public static WebhookDto From(WebhookSubscription s, string? secret = null) => new(
        s.Id, s.Url, s.EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries), s.Description, s.Enabled, s.DisabledReason, s.FailingSince,
        s.PreviousSecretExpiresAt, s.CreatedAt, s.ModifiedAt, secret);
}

public sealed record DeliveryDto(
    long Id, string EventId, string EventType, WebhookDeliveryStatus Status, int Attempts, int? LastStatusCode, int? LastLatencyMs,
    string? LastError, DateTime NextAttemptAt, DateTime CreatedAt, DateTime? DeliveredAt)
{
    public static readonly System.Linq.Expressions.Expression<Func<WebhookDelivery, DeliveryDto>> Projection = d => new DeliveryDto(
        d.Id, d.Event.EventId, d.Event.Type, d.Status, d.Attempts, d.LastStatusCode, d.LastLatencyMs, d.LastError, d.NextAttemptAt, d.CreatedAt, d.DeliveredAt);
}

public static class WebhookEndpoints
{
    public static readonly ApiError NotFound = Api.NotFound("Webhook not found");

    public static void MapWebhooks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webhooks").WithTags("Webhooks").RequireOrganization().RequireRole(Role.Admin);
        group.MapGet("/", List).Describe("listWebhooks", "List webhook subscriptions");
        group.MapPost("/", Create).Describe("createWebhook", "Create a webhook subscription").Creates().ValidatedByOperation();
        group.MapGet("/{id:int}", Get).Describe("getWebhook", "Get a webhook subscription");
        group.MapPatch("/{id:int}", Update).Describe("updateWebhook", "Update a webhook subscription").ValidatedByOperation();
        group.MapDelete("/{id:int}", Delete).Describe("deleteWebhook", "Delete a webhook subscription");
        group.MapGet("/{id:int}/deliveries", Deliveries).Describe("listWebhookDeliveries", "List a subscription's deliveries");
        group.MapPost("/{id:int}/deliveries/{deliveryId:long}/redeliver", Redeliver).Describe("redeliverWebhookEvent", "Send an event again");
        group.MapPost("/{id:int}/test", SendTest).Describe("sendWebhookTestEvent", "Send a test event");
        group.MapPost("/{id:int}/rotate-secret", RotateSecret).Describe("rotateWebhookSecret", "Rotate a subscription's signing secret").ValidatedByOperation();
    }

    public static async Task<ApiResponse<IReadOnlyList<WebhookDto>>> List(Paging paging, PodiumDb db, CancellationToken ct)
    {
        var subscriptions = db.WebhookSubscriptions.AsNoTracking();
        var page = await paging.Apply(subscriptions.OrderByDescending(s => s.Id), pageAll: true).ToListAsync(ct);
        return Api.List("Webhooks fetched successfully", page.ConvertAll(s => WebhookDto.From(s)), await subscriptions.CountAsync(ct));
    }

    public static async Task<Results<ApiResponse<WebhookDto>, ApiError>> Get(int id, PodiumDb db, CancellationToken ct) =>
        await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } found
            ? Api.Ok("Webhook fetched successfully", WebhookDto.From(found))
            : NotFound;

    public static async Task<Results<ApiResponse<WebhookDto>, ApiError>> Create(
        CreateWebhookRequest request, OperationContext context, IDataProtectionProvider protection, IOptions<WebhookOptions> options, CancellationToken ct) =>
        (await CreateWebhook.RunAsync(request, context, protection, options.Value, ct)).Answer(hook => Api.Created("Webhook created successfully", hook));

    public static async Task<Results<ApiResponse<WebhookDto>, ApiError>> Update(int id, UpdateWebhookRequest request, OperationContext context, CancellationToken ct) =>
        (await UpdateWebhook.RunAsync(id, request, context, ct)).Answer(hook => Api.Ok("Webhook updated successfully", hook));

    /// <summary>A new signing secret, shown this once; the previous one signs beside it for <c>grace_hours</c>.</summary>
    public static async Task<Results<ApiResponse<WebhookDto>, ApiError>> RotateSecret(
        int id, RotateSecretRequest? request, OperationContext context, IDataProtectionProvider protection, CancellationToken ct) =>
        (await RotateWebhookSecret.RunAsync(id, request, context, protection, ct)).Answer(hook => Api.Ok("Webhook secret rotated successfully", hook));

    public static async Task<Results<NoContent, ApiError>> Delete(int id, OperationContext context, CancellationToken ct) =>
        Api.NoContentUnless(await DeleteWebhook.RunAsync(id, context, ct));

    /// <summary>The subscription's delivery log, newest first; <c>?status=pending|delivered|failed</c>.</summary>
    public static async Task<Results<ApiResponse<IReadOnlyList<DeliveryDto>>, ApiError>> Deliveries(
        int id, string? status, Paging paging, PodiumDb db, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct)) return NotFound;
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        if (status is not null)
        {
            if (!WireValues.TryParse<WebhookDeliveryStatus>(status, out var wanted)) return Api.Validation("status", "Use one of: pending, delivered, failed.");
            deliveries = deliveries.Where(d => d.Status == wanted);
        }
        var page = await paging.Apply(deliveries.OrderByDescending(d => d.Id))
            .Select(DeliveryDto.Projection)
            .ToListAsync(ct);
        return Api.List("Deliveries fetched successfully", page, await deliveries.CountAsync(ct));
    }

    /// <summary>Sends the event again (same event id) at the next pass, whatever became of it.</summary>
    public static async Task<Results<ApiResponse<DeliveryDto>, ApiError>> Redeliver(int id, long deliveryId, OperationContext context, CancellationToken ct) =>
        (await RedeliverWebhookEvent.RunAsync(id, deliveryId, context, ct)).Answer(delivery => Api.Ok("Delivery scheduled", delivery));

    /// <summary>A <c>webhook.test</c> event for this subscription only, sent at the next pass.</summary>
    public static async Task<Results<ApiResponse<DeliveryDto>, ApiError>> SendTest(int id, OperationContext context, CancellationToken ct) =>
        (await SendTestEvent.RunAsync(id, context, ct)).Answer(delivery => Api.Ok("Test event queued", delivery));
}
