using Microsoft.EntityFrameworkCore.Storage;

namespace Podium.Server.Features.Documents;

/// <summary>
/// Streams an upload into a space's collection in batches of <see cref="CollectionWriter.BatchSize"/>.
/// Each batch commits on its own, so a bad row costs only itself; with <c>atomic</c> the whole
/// upload is one transaction, kept only when every row is valid.
/// </summary>
public sealed class DocumentImport(PodiumDb db, CollectionWriter writer, TimeProvider clock)
{
    /// <summary>Row errors listed in one answer; the counts stay exact beyond it.</summary>
    public const int MaxListedErrors = 1000;

    /// <summary>The largest upload: it is streamed in batches, so the limit guards the disk and the clock, not memory.</summary>
    public const long ImportBodyLimit = 512L * 1024 * 1024;

    public async Task<Outcome<ImportResultDto>> RunAsync(DocumentUpload upload, Tenant tenant, Space space, bool atomic, CancellationToken ct)
    {
        var records = await upload.OpenAsync(RequiredColumns(space), atomic, ct);
        return await RunAsync(records, tenant, space, atomic, ct);
    }

    public static string[] RequiredColumns(Space space) => TaskDocuments.ExecutionTypeFor(space.ContentType) switch
    {
        ExecutionType.Call => ["name", "contact_number"],
        ExecutionType.Email => ["name", "email"],
        _ => ["name"],
    };

    private async Task<Outcome<ImportResultDto>> RunAsync(IAsyncEnumerable<SourceRecord> records, Tenant tenant, Space space, bool atomic, CancellationToken ct)
    {
        var executionType = TaskDocuments.ExecutionTypeFor(space.ContentType);
        var errors = new ValidationErrors();
        int received = 0, created = 0, updated = 0, rejected = 0;
        var truncated = false;
        var batch = new List<TaskDocument>(CollectionWriter.BatchSize);
        await using var whole = atomic ? await BeginAsync(space, ct) : null;

        async Task FlushAsync()
        {
            if (batch.Count == 0) return;
            await using var own = atomic ? null : await BeginAsync(space, ct);
            var stored = await writer.UpsertAsync(tenant.OrganizationId, space.Id, batch, clock.GetUtcNow().UtcDateTime, ct);
            if (own is not null) await own.CommitAsync(ct);
            // The import owns this context: nothing it tracked is needed again.
            db.ChangeTracker.Clear();
            created += stored.Count(s => s.Created);
            updated += stored.Count(s => !s.Created);
            batch.Clear();
        }

        try
        {
            await foreach (var record in records)
            {
                received++;
                var rowErrors = new ValidationErrors();
                var document = record.Document is null
                    ? null
                    : TaskDocuments.CheckOne(record.Document, record.Field, executionType, tenant.Organization.DefaultPhoneRegion, rowErrors);
                if (record.Error is not null) rowErrors.Add(record.Field, record.Error);
                if (document is null)
                {
                    rejected++;
                    foreach (var (field, messages) in rowErrors.ToDictionary())
                        foreach (var message in messages)
                            if (errors.Count < MaxListedErrors) errors.Add(field, message);
                            else truncated = true;
                    continue;
                }
                // An atomic upload with a bad row will be rolled back: writing the rest would be wasted.
                if (atomic && rejected > 0) continue;
                batch.Add(document);
                if (batch.Count == CollectionWriter.BatchSize) await FlushAsync();
            }
            if (!(atomic && rejected > 0)) await FlushAsync();
        }
        catch (SourceException e)
        {
            return Api.Validation(e.Field, e.Message);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ApiError(StatusCodes.Status413PayloadTooLarge, "Request body too large.");
        }

        if (received == 0)
            return Api.Validation("body", "The upload has no documents.");
        if (rejected > 0 && (atomic || created + updated == 0))
            return Api.Validation(errors.ToDictionary());
        if (whole is not null) await whole.CommitAsync(ct);
        return new ImportResultDto(DocumentDto.RefFor(space.Token), received, created, updated, rejected,
            errors.ToDictionary(), truncated);
    }

    private async Task<IDbContextTransaction> BeginAsync(Space space, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await writer.LockAsync(space.Id, ct);
        return transaction;
    }
}
