namespace Podium.Client;

/// <summary>Call logs, invoices and analytics.</summary>
public sealed class ReportsClient
{
    private readonly PodiumHttp _http;

    internal ReportsClient(PodiumHttp http) => _http = http;

    /// <summary>One row per finished call attempt, newest first.</summary>
    public Task<Page<CallLog>> ListCallLogsAsync(CallLogQuery? query = null, PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<CallLog>("call-logs/", query?.Query, page, ct);

    public IAsyncEnumerable<CallLog> ListAllCallLogsAsync(CallLogQuery? query = null, int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<CallLog>("call-logs/", query?.Query, pageSize, ct);

    /// <summary>One invoice per month, newest first.</summary>
    public Task<Page<Invoice>> ListInvoicesAsync(PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<Invoice>("organisation/billing/", null, page, ct);

    public IAsyncEnumerable<Invoice> ListAllInvoicesAsync(int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<Invoice>("organisation/billing/", null, pageSize, ct);

    /// <summary>Call and task figures for the organization, or for one space.</summary>
    public Task<Analytics> GetAnalyticsAsync(string? spaceToken = null, CancellationToken ct = default) =>
        _http.GetAsync<Analytics>("organisation/analytics/", new Query().Add("space_token", spaceToken), ct);
}

/// <summary><c>webhooks/</c> (admin): event subscriptions and their deliveries.</summary>
public sealed class WebhooksClient
{
    private readonly PodiumHttp _http;

    internal WebhooksClient(PodiumHttp http) => _http = http;

    public Task<Page<Webhook>> ListAsync(PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<Webhook>("webhooks/", null, page, ct);

    public IAsyncEnumerable<Webhook> ListAllAsync(int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<Webhook>("webhooks/", null, pageSize, ct);

    public Task<Webhook> GetAsync(int id, CancellationToken ct = default) =>
        _http.GetAsync<Webhook>($"webhooks/{id}/", null, ct);

    /// <summary>A new subscription; its signing secret is in <see cref="Webhook.Secret"/>, this once.</summary>
    public Task<Webhook> CreateAsync(CreateWebhookRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<Webhook>(HttpMethod.Post, "webhooks/", request, ct);

    public Task<Webhook> UpdateAsync(int id, UpdateWebhookRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<Webhook>(HttpMethod.Patch, $"webhooks/{id}/", request, ct);

    public Task DeleteAsync(int id, CancellationToken ct = default) =>
        _http.SendAsync(HttpMethod.Delete, $"webhooks/{id}/", null, ct);

    public Task<Page<WebhookDelivery>> ListDeliveriesAsync(int id, WebhookDeliveryStatus? status = null, PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<WebhookDelivery>($"webhooks/{id}/deliveries/", new Query().Add("status", status), page, ct);

    public IAsyncEnumerable<WebhookDelivery> ListAllDeliveriesAsync(int id, WebhookDeliveryStatus? status = null, int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<WebhookDelivery>($"webhooks/{id}/deliveries/", new Query().Add("status", status), pageSize, ct);

    /// <summary>Sends a delivery again, whatever its state; returns it queued.</summary>
    public Task<WebhookDelivery> RedeliverAsync(int id, long deliveryId, CancellationToken ct = default) =>
        _http.SendAsync<WebhookDelivery>(HttpMethod.Post, $"webhooks/{id}/deliveries/{deliveryId}/redeliver/", null, null, ct);

    /// <summary>A new signing secret, in <see cref="Webhook.Secret"/> this once; the previous one signs beside it for the grace period.</summary>
    public Task<Webhook> RotateSecretAsync(int id, RotateSecretRequest? request = null, CancellationToken ct = default) =>
        _http.SendJsonAsync<Webhook>(HttpMethod.Post, $"webhooks/{id}/rotate-secret/", request ?? new RotateSecretRequest(), ct);

    /// <summary>Queues a <c>webhook.test</c> event for this subscription only.</summary>
    public Task<WebhookDelivery> SendTestAsync(int id, CancellationToken ct = default) =>
        _http.SendAsync<WebhookDelivery>(HttpMethod.Post, $"webhooks/{id}/test/", null, null, ct);
}
