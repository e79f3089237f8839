using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Podium.Server.Engine;
using Podium.Server.Observability;
using Podium.Server.Outbound;

namespace Podium.Server.Features.Webhooks;

/// <summary>Delivery settings, under the <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    /// <summary>How long an event is retried before it is given up.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A subscription whose deliveries have failed this long without a success is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(3);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int MaxConcurrent { get; set; } = 16;

    /// <summary>Subscriptions one organization may have.</summary>
    public int MaxPerOrganization { get; set; } = 20;
}

/// <summary>
/// Sends the outbox: claims due deliveries with a lease (so several processes share the work and a
/// dead one's claims lapse), POSTs each signed event, and on failure retries with doubling
/// backoff and jitter (10 s, 20 s, … at most an hour apart) for <see cref="WebhookOptions.RetryWindow"/>.
/// </summary>
public sealed partial class WebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    IDataProtectionProvider protection,
    IOptions<WebhookOptions> options,
    IOptions<EngineOptions> engine,
    TimeProvider clock,
    PodiumTelemetry telemetry,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string ClientName = "event-webhooks";
    public const string SecretPurpose = "Podium.Webhooks.Secret";
    public const string SignatureHeader = WebhookSignature.Header;
    private const int BatchSize = 64;
    public const int MaxAnswerBytes = 64 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!engine.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DeliverDueAsync(stoppingToken) == 0)
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogLoopFailed(logger, e);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Sends every delivery due now, once; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var node = engine.Value.Node;
        var now = EngineClock.Now(clock);
        var until = now + settings.Timeout + settings.Timeout;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PodiumDb>();
        var deliveries = db.WebhookDeliveries.IgnoreQueryFilters();
        var due = await deliveries
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseExpiresAt == null || d.LeaseExpiresAt <= now))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Take(BatchSize).Select(d => d.Id).ToListAsync(ct);
        if (due.Count == 0) return 0;
        // A conditional claim: of two processes, only one takes each delivery.
        await deliveries.Where(d => due.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending && (d.LeaseExpiresAt == null || d.LeaseExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, node).SetProperty(d => d.LeaseExpiresAt, until), ct);
        var claimed = await deliveries.Where(d => due.Contains(d.Id) && d.LeaseOwner == node && d.LeaseExpiresAt == until)
            .Select(d => new Claimed(d.Id, d.SubscriptionId, d.Event.EventId, d.Event.Type, d.Event.Payload, d.Event.CreatedAt))
            .ToListAsync(ct);
        var subscriptionIds = claimed.Select(c => c.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.IgnoreQueryFilters().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);

        var results = new Sent[claimed.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count), new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrent, CancellationToken = ct },
            async (i, token) => results[i] = await SendAsync(claimed[i], subscriptions.GetValueOrDefault(claimed[i].SubscriptionId), token));
        for (var i = 0; i < claimed.Count; i++)
            await RecordAsync(db, claimed[i], results[i], subscriptions.GetValueOrDefault(claimed[i].SubscriptionId), now, ct);
        return claimed.Count;
    }

    private async Task<Sent> SendAsync(Claimed delivery, WebhookSubscription? subscription, CancellationToken ct)
    {
        if (subscription is not { Enabled: true }) return new Sent(null, 0, "The subscription is disabled.", GiveUp: true);
        using var activity = PodiumTelemetry.Activities.StartActivity("webhook.deliver");
        activity?.SetTag("podium.event_id", delivery.EventId);
        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Podium-Event-Id", delivery.EventId);
        request.Headers.Add("Podium-Event-Type", delivery.Type);
        var signing = SigningSecrets.SigningAt(subscription.ProtectedSecret, subscription.ProtectedPreviousSecret, subscription.PreviousSecretExpiresAt, EngineClock.Now(clock));
        request.Headers.Add(SignatureHeader, WebhookSignature.Create(SigningSecrets.Unprotect(protection.CreateProtector(SecretPurpose), signing), body, clock.GetUtcNow()));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            // The answer's body says nothing Podium needs; it is read (within bounds) only so the exchange completes.
            var answered = await BoundedBody.ReadAsync(response, MaxAnswerBytes, timeout.Token) is not null;
            var latency = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!answered) return new Sent(status, latency, $"The receiver's answer is larger than {BoundedBody.Describe(MaxAnswerBytes)}.");
            return response.IsSuccessStatusCode
                ? new Sent(status, latency, null)
                : new Sent(status, latency, $"The receiver answered HTTP {status}.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Sent(null, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, $"No answer within {options.Value.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            return new Sent(null, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, $"The receiver could not be reached: {OutboundClients.Reason(e)}");
        }
    }

    private async Task RecordAsync(PodiumDb db, Claimed delivery, Sent sent, WebhookSubscription? subscription, DateTime now, CancellationToken ct)
    {
        var settings = options.Value;
        var row = db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.Id == delivery.Id && d.LeaseOwner == engine.Value.Node);
        if (sent.Error is null)
        {
            await row.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Delivered).SetProperty(d => d.DeliveredAt, now)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1).SetProperty(d => d.LastStatusCode, sent.StatusCode).SetProperty(d => d.LastLatencyMs, sent.LatencyMs)
                .SetProperty(d => d.LastError, (string?)null).SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseExpiresAt, (DateTime?)null), ct);
            if (subscription?.FailingSince is not null)
                await db.WebhookSubscriptions.IgnoreQueryFilters().Where(s => s.Id == subscription.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.FailingSince, (DateTime?)null), ct);
            return;
        }

        telemetry.WebhookFailures.Add(1);
        var attempts = await row.Select(d => d.Attempts).FirstOrDefaultAsync(ct) + 1;
        var giveUp = sent.GiveUp || now - delivery.CreatedAt >= settings.RetryWindow;
        var next = now + Backoff(attempts);
        await row.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, giveUp ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending)
            .SetProperty(d => d.Attempts, attempts).SetProperty(d => d.NextAttemptAt, next).SetProperty(d => d.LastStatusCode, sent.StatusCode)
            .SetProperty(d => d.LastLatencyMs, sent.LatencyMs).SetProperty(d => d.LastError, sent.Error)
            .SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseExpiresAt, (DateTime?)null), ct);
        if (subscription is not { Enabled: true }) return;
        var failingSince = subscription.FailingSince ?? now;
        subscription.FailingSince = failingSince;
        var disable = now - failingSince >= settings.DisableAfter;
        var reason = disable ? $"Disabled on {now:yyyy-MM-dd HH:mm} UTC: every delivery since {failingSince:yyyy-MM-dd HH:mm} UTC failed; the last: {sent.Error}" : null;
        if (disable) subscription.Enabled = false;
        await db.WebhookSubscriptions.IgnoreQueryFilters().Where(s => s.Id == subscription.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.FailingSince, failingSince).SetProperty(x => x.Enabled, x => disable ? false : x.Enabled)
                .SetProperty(x => x.DisabledReason, x => disable ? reason : x.DisabledReason), ct);
        if (disable) LogDisabled(logger, subscription.Id, subscription.OrganizationId);
    }

    /// <summary>10 s doubling per attempt, at most an hour, with ±20% jitter so a recovering receiver is not hit by a wave.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(3600, 10 * Math.Pow(2, Math.Min(attempts - 1, 20)));
        return TimeSpan.FromSeconds(seconds * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    private sealed record Claimed(long Id, int SubscriptionId, string EventId, string Type, string Payload, DateTime CreatedAt);

    private sealed record Sent(int? StatusCode, int LatencyMs, string? Error, bool GiveUp = false);

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook sender loop failed; it will try again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscription {SubscriptionId} of organization {OrganizationId} disabled after failing deliveries")]
    private static partial void LogDisabled(ILogger logger, int subscriptionId, int organizationId);
}
