using System.Security.Cryptography;
using Podium.Server.Storage;

namespace Podium.Server.Features.Documents;

/// <summary>Where one written document landed in its collection.</summary>
public readonly record struct StoredDocument(long RowId, string DocumentId, bool Created);

/// <summary>
/// Writes checked documents into a space's collection: a document with a <c>document_id</c> is
/// matched by it, one without by its normalized phone number; a match is updated (latest wins,
/// labels replaced), anything else is added. Runs inside the caller's transaction, after
/// <see cref="LockAsync"/>, so two writers to one collection cannot both add the same contact.
/// </summary>
public sealed class CollectionWriter(PodiumDb db, DatabaseConnection connection)
{
    public const int BatchSize = 1000;
    private const long LockBase = 7_202_611_100_000;

    /// <summary>Serializes writers of one collection across processes (PostgreSQL); SQLite has one writer anyway.</summary>
    public async Task LockAsync(int spaceId, CancellationToken ct)
    {
        if (connection.Provider == Podium.Data.DatabaseProvider.Postgres)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockBase + spaceId})", ct);
    }

    /// <returns>One entry per document, in order.</returns>
    public async Task<StoredDocument[]> UpsertAsync(
        int organizationId, int spaceId, IReadOnlyList<TaskDocument> documents, DateTime now, CancellationToken ct)
    {
        var stored = new StoredDocument[documents.Count];
        for (var start = 0; start < documents.Count; start += BatchSize)
        {
            var batch = documents.Skip(start).Take(BatchSize).ToList();
            var written = await UpsertBatchAsync(organizationId, spaceId, batch, now, ct);
            written.CopyTo(stored, start);
        }
        return stored;
    }

    private async Task<StoredDocument[]> UpsertBatchAsync(
        int organizationId, int spaceId, List<TaskDocument> batch, DateTime now, CancellationToken ct)
    {
        var ids = batch.Where(d => d.RefId is not null).Select(d => d.RefId!).Distinct().ToList();
        var phones = batch.Where(d => d.RefId is null && d.Phone is not null).Select(d => d.Phone!).Distinct().ToList();
        var existing = await db.Documents.Include(d => d.Labels)
            .Where(d => d.SpaceId == spaceId && (ids.Contains(d.DocumentId) || (d.Phone != null && phones.Contains(d.Phone))))
            .ToListAsync(ct);

        // Keys seen so far: "id:<document_id>" and "tel:<E.164>", existing rows first, then this batch.
        var known = new Dictionary<string, CollectionDocument>();
        foreach (var row in existing.OrderByDescending(d => d.Id))
        {
            known[$"id:{row.DocumentId}"] = row;
            if (row.Phone is not null) known[$"tel:{row.Phone}"] = row;
        }
        var added = new HashSet<CollectionDocument>();
        var entities = new CollectionDocument[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var document = batch[i];
            var key = document.RefId is not null ? $"id:{document.RefId}" : document.Phone is not null ? $"tel:{document.Phone}" : null;
            if (key is null || !known.TryGetValue(key, out var row))
            {
                row = new CollectionDocument
                {
                    OrganizationId = organizationId,
                    SpaceId = spaceId,
                    DocumentId = document.RefId ?? RandomNumberGenerator.GetHexString(24, lowercase: true),
                    Data = "",
                    CreatedAt = now,
                };
                db.Documents.Add(row);
                added.Add(row);
            }
            Apply(row, document, now);
            known[$"id:{row.DocumentId}"] = row;
            if (row.Phone is not null) known[$"tel:{row.Phone}"] = row;
            entities[i] = row;
        }
        await db.SaveChangesAsync(ct);

        var stored = entities.Select(e => new StoredDocument(e.Id, e.DocumentId, added.Contains(e))).ToArray();
        // The caller may track its own rows (a run and its tasks); only the collection's leave.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is CollectionDocument or DocumentLabel).ToList())
            entry.State = EntityState.Detached;
        return stored;
    }

    /// <summary>The document replaces the row's content; its labels too, unless it has no <c>labels</c> key, which keeps them.</summary>
    private static void Apply(CollectionDocument row, TaskDocument document, DateTime now)
    {
        var data = document.Input;
        if (data.ContainsKey("labels"))
        {
            row.Labels.RemoveAll(l => !document.Labels.Contains(l.Label));
            foreach (var label in document.Labels.Where(l => !row.Labels.Exists(x => x.Label == l)))
                row.Labels.Add(new DocumentLabel { OrganizationId = row.OrganizationId, SpaceId = row.SpaceId, Label = label });
        }
        else if (row.Labels.Count > 0)
        {
            data = (JsonObject)data.DeepClone();
            data["labels"] = new JsonArray(row.Labels.Select(l => (JsonNode)JsonValue.Create(l.Label)).ToArray());
        }
        row.Name = document.Name;
        row.Phone = document.Phone;
        row.Email = document.Email;
        row.Data = data.ToJsonString();
        var search = string.Join(' ', new[] { document.Name, document.Phone, document.Email, row.DocumentId }.Where(s => s is not null)).ToLowerInvariant();
        row.SearchText = search[..Math.Min(search.Length, 2000)];
        row.ModifiedAt = now;
    }
}
