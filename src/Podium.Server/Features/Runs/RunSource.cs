using System.Runtime.CompilerServices;
using Podium.Server.Features.Documents;

namespace Podium.Server.Features.Runs;

/// <summary>A document a task is made from, and its id in the space's collection.</summary>
public readonly record struct SourcedDocument(TaskDocument Document, string DocumentId);

/// <summary>
/// Where a run's documents come from: the request's <c>documents</c> (checked, then stored in the
/// collection, deduplicated) or the collection itself through <c>filters</c> (read in id order, in batches).
/// </summary>
public sealed class RunSource
{
    private const int BatchSize = CollectionWriter.BatchSize;
    private readonly Tenant _tenant;
    private readonly Space _space;
    private readonly ExecutionType _executionType;
    private readonly IQueryable<CollectionDocument>? _selected;

    private RunSource(Tenant tenant, Space space, ExecutionType executionType, List<TaskDocument>? inline, IQueryable<CollectionDocument>? selected, int count)
    {
        _tenant = tenant;
        _space = space;
        _executionType = executionType;
        Inline = inline;
        _selected = selected;
        Count = count;
    }

    public List<TaskDocument>? Inline { get; }
    public int Count { get; }

    /// <summary>Checks what can be checked before writing anything; problems go to <paramref name="errors"/>.</summary>
    public static async Task<RunSource> OpenAsync(
        PodiumDb db, Tenant tenant, Space space, CreateTaskRequest request, ExecutionType executionType, ValidationErrors errors, CancellationToken ct)
    {
        if (request.Selection is not { } filter)
        {
            var inline = TaskDocuments.Check(request.Documents!, executionType, tenant.Organization.DefaultPhoneRegion, errors);
            return new RunSource(tenant, space, executionType, inline, null, inline.Count);
        }
        var selected = filter.Apply(db.Documents.AsNoTracking().Where(d => d.SpaceId == space.Id));
        var count = await selected.CountAsync(ct);
        if (count == 0)
            errors.Add("filters", "No document in the space's collection matches the filters.");
        else if (count > CreateTaskRequest.MaxCollectionDocuments)
            errors.Add("filters", $"{count} documents match; one run takes at most {CreateTaskRequest.MaxCollectionDocuments}. Narrow the filters.");
        return new RunSource(tenant, space, executionType, null, selected, count);
    }

    /// <summary>
    /// The documents in batches. Inline documents are written to the collection on the way; documents
    /// read from the collection are checked again (the space may have changed type since the import),
    /// and any that fail are reported in <paramref name="errors"/> as <c>filters[document_id].field</c>.
    /// </summary>
    public async IAsyncEnumerable<List<SourcedDocument>> BatchesAsync(
        CollectionWriter writer, DateTime now, ValidationErrors errors, [EnumeratorCancellation] CancellationToken ct)
    {
        if (Inline is not null)
        {
            for (var start = 0; start < Inline.Count; start += BatchSize)
            {
                var batch = Inline.GetRange(start, Math.Min(BatchSize, Inline.Count - start));
                var stored = await writer.UpsertAsync(_tenant.OrganizationId, _space.Id, batch, now, ct);
                yield return batch.Select((d, i) => new SourcedDocument(d, stored[i].DocumentId)).ToList();
            }
            yield break;
        }

        long after = 0;
        while (true)
        {
            var rows = await _selected!.Where(d => d.Id > after).OrderBy(d => d.Id).Take(BatchSize)
                .Select(d => new { d.Id, d.DocumentId, d.Data })
                .ToListAsync(ct);
            if (rows.Count == 0) yield break;
            after = rows[^1].Id;
            var batch = new List<SourcedDocument>(rows.Count);
            foreach (var row in rows)
            {
                var input = JsonNode.Parse(row.Data) as JsonObject ?? [];
                var document = TaskDocuments.CheckOne(input, $"filters[{row.DocumentId}]", _executionType, _tenant.Organization.DefaultPhoneRegion, errors);
                if (document is not null) batch.Add(new SourcedDocument(document, row.DocumentId));
            }
            if (!errors.Any) yield return batch;
        }
    }
}
