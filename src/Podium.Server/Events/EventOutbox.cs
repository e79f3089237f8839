using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Json;

namespace Podium.Server.Events;

/// <summary>
/// Writes events into the outbox with the caller's unit of work: the caller's transaction holds
/// the state change and its events together, so neither is ever kept without the other. Nothing
/// is written for an organization without an enabled subscription to the type.
/// </summary>
public sealed class EventOutbox(PodiumDb db, IEventSubjects subjects, IOptions<JsonOptions> json)
{
    public static readonly string[] EventTypes = ["run.created", "run.status_changed", "run.completed", "task.status_changed", "task.completed", "task.failed"];
    private static readonly string[] TenantOnly = [PodiumDb.Filters.Tenant];
    private readonly Dictionary<int, List<(int Id, string[] Types)>> _subscriptions = [];
    private readonly Dictionary<int, string> _handles = [];

    /// <summary>A run's current object as <paramref name="type"/>.</summary>
    public async Task RunAsync(int organizationId, long runId, string type, DateTime now, CancellationToken ct)
    {
        if (!await WantsAsync(organizationId, [type], ct)) return;
        var run = await AsTenant(organizationId, () => subjects.RunAsync(runId, ct));
        await EnqueueAsync(organizationId, type, run, now, ct);
    }

    /// <summary><c>task.status_changed</c> for each task, and <c>task.completed</c> or <c>task.failed</c> for those that ended so.</summary>
    public async Task TasksAsync(int organizationId, IReadOnlyCollection<long> taskIds, DateTime now, CancellationToken ct)
    {
        if (taskIds.Count == 0 || !await WantsAsync(organizationId, ["task.status_changed", "task.completed", "task.failed"], ct)) return;
        var tasks = await AsTenant(organizationId, () => subjects.TasksAsync(taskIds, ct));
        foreach (var (task, status) in tasks)
        {
            await EnqueueAsync(organizationId, "task.status_changed", task, now, ct);
            if (status == TaskStatus.Completed) await EnqueueAsync(organizationId, "task.completed", task, now, ct);
            if (status == TaskStatus.Failed) await EnqueueAsync(organizationId, "task.failed", task, now, ct);
        }
    }

    /// <summary>An event for one subscription only (the test event), or for every subscription that wants its type.</summary>
    public async Task<WebhookEvent?> EnqueueAsync(int organizationId, string type, object data, DateTime now, CancellationToken ct, int? onlySubscription = null)
    {
        var targets = (await SubscriptionsAsync(organizationId, ct))
            .Where(s => onlySubscription is null ? s.Types.Length == 0 || s.Types.Contains(type) : s.Id == onlySubscription)
            .Select(s => s.Id)
            .ToList();
        if (targets.Count == 0 && onlySubscription is null) return null;

        var eventId = "evt_" + RandomNumberGenerator.GetHexString(24, lowercase: true);
        var body = new JsonObject
        {
            ["id"] = eventId,
            ["type"] = type,
            ["created_at"] = now,
            ["organization"] = new JsonObject { ["id"] = organizationId, ["domain_handle"] = await HandleAsync(organizationId, ct) },
            ["data"] = JsonSerializer.SerializeToNode(data, data.GetType(), json.Value.SerializerOptions),
        };
        var row = new WebhookEvent { OrganizationId = organizationId, EventId = eventId, Type = type, Payload = body.ToJsonString(json.Value.SerializerOptions), CreatedAt = now };
        db.WebhookEvents.Add(row);
        foreach (var subscription in onlySubscription is { } only ? [only] : targets)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                OrganizationId = organizationId,
                Event = row,
                SubscriptionId = subscription,
                Status = WebhookDeliveryStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Whether any enabled subscription wants any of <paramref name="types"/>.</summary>
    private async Task<bool> WantsAsync(int organizationId, string[] types, CancellationToken ct) =>
        (await SubscriptionsAsync(organizationId, ct)).Exists(s => s.Types.Length == 0 || s.Types.Intersect(types).Any());

    /// <summary>The organization's enabled subscriptions, read once per unit of work (one indexed query when there are none).</summary>
    private async Task<List<(int Id, string[] Types)>> SubscriptionsAsync(int organizationId, CancellationToken ct)
    {
        if (_subscriptions.TryGetValue(organizationId, out var known)) return known;
        var subscriptions = await db.WebhookSubscriptions.IgnoreQueryFilters(TenantOnly)
            .Where(s => s.OrganizationId == organizationId && s.Enabled)
            .Select(s => new { s.Id, s.EventTypes })
            .ToListAsync(ct);
        return _subscriptions[organizationId] = subscriptions.ConvertAll(s => (s.Id, s.EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries)));
    }

    private async Task<string> HandleAsync(int organizationId, CancellationToken ct)
    {
        if (_handles.TryGetValue(organizationId, out var handle)) return handle;
        return _handles[organizationId] = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.DomainHandle).SingleAsync(ct);
    }

    /// <summary>
    /// Reads through the tenant filters as <paramref name="organizationId"/> (engine scopes have no tenant),
    /// seeing every space: events go to the organization's subscriptions, which only admins manage.
    /// </summary>
    private async Task<T> AsTenant<T>(int organizationId, Func<Task<T>> read)
    {
        var (previous, hidden) = (db.TenantId, db.HiddenSpaceIds);
        (db.TenantId, db.HiddenSpaceIds) = (organizationId, []);
        try
        {
            return await read();
        }
        finally
        {
            (db.TenantId, db.HiddenSpaceIds) = (previous, hidden);
        }
    }
}
