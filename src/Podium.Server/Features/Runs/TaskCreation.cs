using System.Security.Cryptography;
using Podium.Server.Engine;
using Podium.Server.Features.Documents;

namespace Podium.Server.Features.Runs;

public sealed record CreatedRunDto(string RunId, IReadOnlyList<string> TaskIds, string Status);

/// <summary>Creates one run and all its tasks in one transaction: all of them or none.</summary>
public static class TaskCreation
{
    private static readonly ApiError KeyReused = Api.Conflict("This Idempotency-Key was already used with a different request body.");

    /// <param name="record">Records the audit entry for what was created, in the run's transaction.</param>
    /// <returns>The created (or replayed) run, whether it was a replay, or the error to answer.</returns>
    public static async Task<Outcome<(CreatedRunDto Run, bool Replayed)>> CreateAsync(
        OperationContext context, CollectionWriter writer, Space space, CreateTaskRequest request, string? idempotencyKey, byte[] fingerprint,
        Action<CreatedRunDto> record, CancellationToken ct)
    {
        var (db, tenant, now) = (context.Db, context.Tenant, context.Now);
        if (idempotencyKey is not null && await ReplayAsync(db, idempotencyKey, fingerprint, now, ct) is { } previous)
            return previous;

        if (await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Handle == request.Pilot, ct) is not { } agent) return Api.AgentNotFound;
        if (agent.State != AgentState.Published)
            return Api.Validation("pilot", "The agent is not published.");
        if (agent.SpaceId is { } bound && bound != space.Id)
            return Api.Validation("pilot", "The agent is bound to another space.");

        var errors = new ValidationErrors();
        var executionType = TaskDocuments.ExecutionTypeFor(space.ContentType);
        var schedule = request.Schedule ?? new ScheduleRequest();
        var start = schedule.Instant(tenant.Organization.TimeZone) ?? now;
        if (start < now.AddMinutes(-1))
            errors.Add("schedule", "The scheduled time is in the past.");
        var source = await RunSource.OpenAsync(db, tenant, space, request, executionType, errors, ct);
        if (errors.Any) return Api.Validation(errors.ToDictionary());

        var run = new Run
        {
            OrganizationId = tenant.OrganizationId,
            SpaceId = space.Id,
            AgentId = agent.Id,
            PublicId = "R" + Guid.NewGuid().ToString("N"),
            CreatedByUserId = tenant.UserId,
            Objective = request.Context ?? "",
            Status = RunStatus.Pending,
            TotalTasks = source.Count,
            Schedule = request.Schedule is null ? null : JsonSerializer.Serialize(request.Schedule),
            Filters = request.Filters?.ToJsonString(),
            IdempotencyKey = idempotencyKey,
            RequestHash = idempotencyKey is null ? null : fingerprint,
            CreatedAt = now,
            ModifiedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Runs.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (idempotencyKey is not null && UniqueViolation.Is(e))
        {
            // A concurrent request with the same key won the race; answer as its replay.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await ReplayAsync(db, idempotencyKey, fingerprint, now, ct) ?? throw new InvalidOperationException("Idempotency key vanished.", e);
        }

        var taskIds = new List<string>(source.Count);
        if (source.Inline is not null) await writer.LockAsync(space.Id, ct);
        await foreach (var batch in source.BatchesAsync(writer, now, errors, ct))
        {
            var tasks = batch.ConvertAll(d => NewTask(run, agent, d.Document with { TimeZone = d.Document.TimeZone ?? tenant.Organization.TimeZone }, d.DocumentId, executionType, schedule, start, now, request.CallerNumber));
            db.Tasks.AddRange(tasks);
            await db.SaveChangesAsync(ct);
            taskIds.AddRange(tasks.Select(t => t.PublicId));
            foreach (var entry in db.ChangeTracker.Entries<RunTask>().ToList()) entry.State = EntityState.Detached;
        }
        if (errors.Any)
        {
            await transaction.RollbackAsync(ct);
            return Api.Validation(errors.ToDictionary());
        }
        if (run.TotalTasks != taskIds.Count)
        {
            // The collection changed between counting and reading it.
            run.TotalTasks = taskIds.Count;
            await db.SaveChangesAsync(ct);
        }
        await context.Events.RunAsync(tenant.OrganizationId, run.Id, "run.created", now, ct);
        var created = new CreatedRunDto(run.PublicId, taskIds, "pending");
        record(created);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (created, false);
    }

    private static RunTask NewTask(
        Run run, Agent agent, TaskDocument document, string documentId, ExecutionType executionType, ScheduleRequest schedule, DateTime start, DateTime now,
        string? callerNumber)
    {
        var due = schedule.Type == "auto" ? CallingHours.NextAllowed(now, document.TimeZone, agent.Settings) : start;
        var later = due > now;
        return new RunTask
        {
            OrganizationId = run.OrganizationId,
            RunId = run.Id,
            SpaceId = run.SpaceId,
            AgentId = agent.Id,
            PublicId = "T" + Guid.NewGuid().ToString("N"),
            DocumentId = documentId,
            RefId = document.RefId,
            Input = document.Input.ToJsonString(),
            Status = later ? TaskStatus.Scheduled : TaskStatus.Pending,
            ExecutionType = executionType,
            Phone = document.Phone,
            RecipientTimeZone = document.TimeZone,
            FromNumber = callerNumber,
            DueAt = due,
            ScheduledFor = later ? due : null,
            LastStatusChange = now,
            CreatedAt = now,
            ModifiedAt = now,
        };
    }

    private static async Task<Outcome<(CreatedRunDto Run, bool Replayed)>?> ReplayAsync(
        PodiumDb db, string key, byte[] fingerprint, DateTime now, CancellationToken ct)
    {
        if (await db.Runs.FirstOrDefaultAsync(r => r.IdempotencyKey == key, ct) is not { } previous) return null;
        if (previous.CreatedAt < now - Idempotency.Window)
        {
            // Past its lifetime the key is free again; the old run keeps everything but the key.
            previous.IdempotencyKey = null;
            await db.SaveChangesAsync(ct);
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(previous.RequestHash, fingerprint))
            return KeyReused;
        var taskIds = await db.Tasks.Where(t => t.RunId == previous.Id).OrderBy(t => t.Id).Select(t => t.PublicId).ToListAsync(ct);
        return (new CreatedRunDto(previous.PublicId, taskIds, "pending"), true);
    }
}
