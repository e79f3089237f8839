namespace Podium.Data.Entities;

/// <summary>
/// One document (usually a contact) in a space's data collection, <c>collection_data_&lt;SPACE_TOKEN&gt;</c>.
/// A document is unique in its space by <see cref="DocumentId"/>, and documents without a
/// client id are matched by phone number, so importing the same list twice updates it.
/// </summary>
public sealed class CollectionDocument : ITenantOwned
{
    public long Id { get; set; }
    public int OrganizationId { get; set; }
    public int SpaceId { get; set; }

    /// <summary>The client's <c>document_id</c>, or 24 random hex characters.</summary>
    public required string DocumentId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>E.164.</summary>
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>The document as JSON, with every key the client sent and the number normalized.</summary>
    public required string Data { get; set; }

    /// <summary>Lowercased name, number, email and id, for free-text search.</summary>
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
    public List<DocumentLabel> Labels { get; set; } = [];
}

/// <summary>One label of a document; its own row so label filters are indexed set queries.</summary>
public sealed class DocumentLabel : ITenantOwned
{
    public long DocumentRowId { get; set; }
    public int OrganizationId { get; set; }
    public int SpaceId { get; set; }
    public required string Label { get; set; }
}
