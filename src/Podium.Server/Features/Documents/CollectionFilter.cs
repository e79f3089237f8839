namespace Podium.Server.Features.Documents;

/// <summary>
/// Which documents of a collection to take: any of <c>labels</c>, and/or free text <c>q</c> in the
/// name, number, email or id. The same filter serves the documents list and create-task's <c>filters</c>.
/// </summary>
public sealed record CollectionFilter(IReadOnlyList<string> Labels, string? Query)
{
    public static readonly string[] Keys = ["labels", "q"];

    public bool IsEmpty => Labels.Count == 0 && string.IsNullOrWhiteSpace(Query);

    /// <summary>From create-task's <c>filters</c> object; unknown keys are errors, so a typo cannot select the whole collection.</summary>
    public static CollectionFilter? FromJson(JsonObject filters, string field, ValidationErrors errors)
    {
        var valid = true;
        if (NulCharacters.In(filters))
        {
            errors.Add(field, NulCharacters.Message);
            return null;
        }
        foreach (var key in filters.Select(p => p.Key).Where(k => !Keys.Contains(k)))
        {
            errors.Add($"{field}.{key}", $"Unknown filter. Use: {string.Join(", ", Keys)}.");
            valid = false;
        }
        var labels = TaskDocuments.Labels(filters["labels"], out var labelError);
        if (labelError is not null)
        {
            errors.Add($"{field}.labels", labelError);
            valid = false;
        }
        string? query = null;
        if (filters["q"] is { } q)
        {
            if (q is JsonValue v && v.GetValueKind() == JsonValueKind.String) query = v.GetValue<string>();
            else
            {
                errors.Add($"{field}.q", "Must be a string.");
                valid = false;
            }
        }
        var filter = new CollectionFilter(labels, query);
        if (valid && filter.IsEmpty)
        {
            errors.Add(field, "Give labels or q to select documents from the space's collection.");
            valid = false;
        }
        return valid ? filter : null;
    }

    /// <summary>From the list's query string: <c>?labels=a,b</c> and <c>?q=</c>.</summary>
    public static CollectionFilter FromQuery(string? labels, string? q) =>
        new(TaskDocuments.Labels(labels is null ? null : JsonValue.Create(labels), out _), string.IsNullOrWhiteSpace(q) ? null : q);

    public IQueryable<CollectionDocument> Apply(IQueryable<CollectionDocument> documents)
    {
        if (Labels.Count > 0)
        {
            var labels = Labels;
            documents = documents.Where(d => d.Labels.Any(l => labels.Contains(l.Label)));
        }
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim().ToLowerInvariant();
            documents = documents.Where(d => d.SearchText.Contains(text));
        }
        return documents;
    }
}
