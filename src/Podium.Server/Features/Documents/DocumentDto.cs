namespace Podium.Server.Features.Documents;

/// <summary>A collection document: its key fields, and <c>data</c>, the document as stored (every key the client sent).</summary>
public sealed record DocumentDto(
    string DocumentId,
    string Name,
    string? ContactNumber,
    string? Email,
    IReadOnlyList<string> Labels,
    JsonObject Data,
    string CollectionRef,
    DateTime CreatedAt,
    DateTime ModifiedAt)
{
    public static DocumentDto From(CollectionDocument d, string spaceToken) => new(
        d.DocumentId, d.Name, d.Phone, d.Email, d.Labels.Select(l => l.Label).Order(StringComparer.Ordinal).ToList(),
        JsonNode.Parse(d.Data) as JsonObject ?? [], RefFor(spaceToken), d.CreatedAt, d.ModifiedAt);

    public static string RefFor(string spaceToken) => $"collection_data_{spaceToken}";
}

/// <summary>What an import did. Row errors are keyed <c>rows[N].field</c> (N the CSV line, header = 1) or <c>documents[i].field</c> (JSON).</summary>
public sealed record ImportResultDto(
    string CollectionRef,
    int Received,
    int Created,
    int Updated,
    int Rejected,
    IReadOnlyDictionary<string, string[]> Errors,
    bool ErrorsTruncated);
