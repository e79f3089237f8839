using Microsoft.AspNetCore.Mvc;

namespace Podium.Server.Features.Documents;

/// <summary>A space's data collection (<c>collection_data_&lt;SPACE_TOKEN&gt;</c>): Podium's own endpoints, the docs have none.</summary>
/// <summary>What the import endpoint hands its operation: the request whose body is the upload.</summary>
public sealed record ImportServices(HttpRequest Request, OperationContext Context, DocumentImport Import);

public static class CollectionEndpoints
{
    private static readonly RequestSizeLimitAttribute ImportBodyLimit = new(DocumentImport.ImportBodyLimit);

    public static void MapCollections(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/spaces/{spaceToken}/documents").WithTags("Collections").RequireResourceOrganization();
        group.MapGet("/", List).Describe("listDocuments", "List a space's documents");
        group.MapGet("/{documentId}", Get).Describe("getDocument", "Get a document");
        group.MapPost("/", Import).Describe("importDocuments", "Import documents").RequireRole(Role.Member).WithMetadata(ImportBodyLimit)
            .Accepts<IReadOnlyList<System.Text.Json.Nodes.JsonObject>>("application/json", "text/csv", "multipart/form-data");
        group.MapDelete("/{documentId}", Delete).Describe("deleteDocument", "Delete a document").RequireRole(Role.Member);
    }

    /// <summary>Newest first; <c>?labels=a,b</c> keeps documents with any of the labels, <c>?q=</c> searches name, number, email and id.</summary>
    public static async Task<ApiResponse<IReadOnlyList<DocumentDto>>> List(
        string spaceToken, string? labels, string? q, [AsParameters] ListScope list, CancellationToken ct)
    {
        var (paging, resource, db) = list;
        var documents = CollectionFilter.FromQuery(labels, q).Apply(db.Documents.AsNoTracking().Where(d => d.SpaceId == resource.SpaceId));
        var count = await documents.CountAsync(ct);
        var page = await paging.Apply(documents.OrderByDescending(d => d.Id)).Include(d => d.Labels).ToListAsync(ct);
        return Api.List("Documents fetched successfully", page.ConvertAll(d => DocumentDto.From(d, spaceToken)), count);
    }

    public static async Task<Results<ApiResponse<DocumentDto>, ApiError>> Get(
        string spaceToken, string documentId, RouteResource resource, PodiumDb db, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Labels)
            .FirstOrDefaultAsync(d => d.SpaceId == resource.SpaceId && d.DocumentId == documentId, ct);
        return document is null ? DeleteDocument.NotFound : Api.Ok("Document fetched successfully", DocumentDto.From(document, spaceToken));
    }

    /// <summary>
    /// A JSON array of documents, a CSV body (<c>text/csv</c>), or a CSV file in a form. Valid rows are
    /// kept and bad ones reported by row; <c>?atomic=true</c> keeps nothing unless every row is valid.
    /// </summary>
    public static async Task<Results<ApiResponse<ImportResultDto>, ApiError>> Import(
        string spaceToken, bool? atomic, [AsParameters] ImportServices services, CancellationToken ct) =>
        (await ImportDocuments.RunAsync(new ImportDocumentsCommand(spaceToken, DocumentUpload.FromRequest(services.Request), atomic == true), services.Context, services.Import, ct))
            .Answer(result => Api.Ok("Documents imported successfully", result));

    /// <summary>Removes the document from the collection; tasks already made from it keep their input.</summary>
    public static async Task<Results<NoContent, ApiError>> Delete(string spaceToken, string documentId, OperationContext context, CancellationToken ct) =>
        Api.NoContentUnless(await DeleteDocument.RunAsync(spaceToken, documentId, context, ct));
}
