using Microsoft.AspNetCore.Http.Json;
using Podium.Server.Engine;
using Podium.Server.Events;

namespace Podium.Server.Application;

/// <summary>
/// What an operation runs with, the same whichever entry point calls it (an API endpoint, a console
/// page or an admin command): the organization it acts in, its database (scoped to that tenant),
/// the clock, the event outbox, the engine's wake-up signal, the audit trail, the request limits and the API's JSON settings.
/// </summary>
public sealed class OperationContext(
    Tenant tenant, PodiumDb db, TimeProvider clock, EventOutbox events, EngineSignal engine, AuditTrail audit, RequestLimits limits,
    IOptions<JsonOptions> json)
{
    /// <summary>The API's JSON settings (snake_case), for anything hashed or stored as the wire spells it.</summary>
    public JsonSerializerOptions Json => json.Value.SerializerOptions;

    public Tenant Tenant => tenant;
    public PodiumDb Db => db;
    public EventOutbox Events => events;
    public EngineSignal Engine => engine;
    public AuditTrail Audit => audit;

    /// <summary>Now, at the precision the databases keep (see <see cref="EngineClock"/>).</summary>
    public DateTime Now => EngineClock.Now(clock);

    /// <summary>The request's own checks (required fields, lengths, formats); null when it passes.</summary>
    public ApiError? Refusal(IValidatable request) => RequestValidation.Refusal(request, limits);

    /// <summary>Saves what an operation made with its <c>created</c> entry (see <see cref="SaveWithEntryAsync"/>).</summary>
    public Task<ApiError?> SaveCreatedAsync(string targetType, Func<object> targetId, object? request, ApiError? raced, CancellationToken ct) =>
        SaveWithEntryAsync(targetType, "created", targetId, request, raced, ct);

    /// <summary>
    /// Saves a change and its audit entry in one transaction, for a change whose entry names an id the
    /// database gives only on saving. A unique-index violation (a concurrent write past the pre-check) is
    /// answered with <paramref name="raced"/>, when given, and leaves nothing behind.
    /// </summary>
    public async Task<ApiError?> SaveWithEntryAsync(
        string targetType, string verb, Func<object> targetId, object? request, ApiError? raced, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (raced is null) await db.SaveChangesAsync(ct);
        else if (await UniqueViolation.SaveAsync(db, raced, ct) is { } conflict) return conflict;
        Record(targetType, verb, targetId(), request);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Records the change in the acting organization's audit log, saved with the change.</summary>
    public void Record(string targetType, string verb, object? targetId, object? request = null) =>
        audit.Record(tenant.OrganizationId, tenant.ActingUserId, targetType, verb, targetId, request);
}
