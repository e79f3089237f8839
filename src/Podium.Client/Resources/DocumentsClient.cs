using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Podium.Client;

/// <summary><c>spaces/{token}/documents/</c>: a space's collection of contacts.</summary>
public sealed class DocumentsClient
{
    private readonly PodiumHttp _http;

    internal DocumentsClient(PodiumHttp http) => _http = http;

    public Task<Page<Document>> ListAsync(string spaceToken, DocumentQuery? query = null, PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<Document>(DocumentsPath(spaceToken), query?.Query, page, ct);

    public IAsyncEnumerable<Document> ListAllAsync(string spaceToken, DocumentQuery? query = null, int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<Document>(DocumentsPath(spaceToken), query?.Query, pageSize, ct);

    public Task<Document> GetAsync(string spaceToken, string documentId, CancellationToken ct = default) =>
        _http.GetAsync<Document>(DocumentsPath(spaceToken) + Route.Segment(documentId) + "/", null, ct);

    public Task DeleteAsync(string spaceToken, string documentId, CancellationToken ct = default) =>
        _http.SendAsync(HttpMethod.Delete, DocumentsPath(spaceToken) + Route.Segment(documentId) + "/", null, ct);

    /// <summary>
    /// Adds or updates documents (matched by <c>document_id</c>, then by phone number). Bad rows are reported
    /// in <see cref="ImportResult.Errors"/> and skipped, unless <paramref name="atomic"/>: then any bad row refuses all (400).
    /// </summary>
    public Task<ImportResult> ImportAsync(string spaceToken, IEnumerable<JsonObject> documents, bool atomic = false, CancellationToken ct = default) =>
        _http.SendAsync<ImportResult>(HttpMethod.Post, DocumentsPath(spaceToken), new Query().Add("atomic", atomic ? true : null),
            JsonContent.Create(documents.ToList(), options: PodiumJson.Options), ct);

    /// <summary>
    /// Imports a CSV file (a header row, then one contact per line), streamed as it is read.
    /// A stream cannot be sent twice, so this request is never retried.
    /// </summary>
    public Task<ImportResult> ImportCsvAsync(string spaceToken, Stream csv, bool atomic = false, CancellationToken ct = default)
    {
        var content = new StreamContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return _http.SendAsync<ImportResult>(HttpMethod.Post, DocumentsPath(spaceToken), new Query().Add("atomic", atomic ? true : null), content,
            message => message.Options.Set(PodiumResilience.NoRetry, true), ct);
    }

    private static string DocumentsPath(string spaceToken) => $"spaces/{Route.Segment(spaceToken)}/documents/";
}
