using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Podium.Client;

/// <summary>A contact in a space's collection.</summary>
public sealed record Document
{
    public string DocumentId { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>In E.164 form.</summary>
    public string? ContactNumber { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    /// <summary>Every key the document was imported with.</summary>
    public JsonObject Data { get; init; } = [];
    public string CollectionRef { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ModifiedAt { get; init; }
}

/// <summary>An import's result. <see cref="Errors"/> is keyed <c>rows[N]</c> (CSV line) or <c>documents[i]</c>.</summary>
public sealed record ImportResult
{
    public string CollectionRef { get; init; } = "";
    public int Received { get; init; }
    public int Created { get; init; }
    public int Updated { get; init; }
    public int Rejected { get; init; }
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
    public bool ErrorsTruncated { get; init; }
}

/// <summary>Which documents to list: any of <see cref="Labels"/>, and <see cref="Search"/> in name, number or email.</summary>
public sealed record DocumentQuery
{
    public IReadOnlyList<string>? Labels { get; init; }
    public string? Search { get; init; }

    [JsonIgnore]
    internal Query Query => new Query().Add("labels", Labels is null ? null : string.Join(',', Labels)).Add("q", Search);
}
