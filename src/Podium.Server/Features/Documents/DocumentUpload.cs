using Microsoft.AspNetCore.WebUtilities;

namespace Podium.Server.Features.Documents;

/// <summary>Where an import's rows come from: an API request's body, or a file (the console's form, an admin command's path).</summary>
public abstract class DocumentUpload
{
    public abstract Task<IAsyncEnumerable<SourceRecord>> OpenAsync(IReadOnlyList<string> requiredColumns, bool atomic, CancellationToken ct);

    /// <summary>A JSON array, a CSV body or a CSV file in a form, read as it streams in.</summary>
    public static DocumentUpload FromRequest(HttpRequest request) => new RequestUpload(request);

    /// <summary>A file already received (CSV, or a JSON array when its name or type says so).</summary>
    public static DocumentUpload FromFile(Stream file, string fileName, string? contentType) => new FileUpload(file, fileName, contentType);

    private sealed class RequestUpload(HttpRequest request) : DocumentUpload
    {
        public override async Task<IAsyncEnumerable<SourceRecord>> OpenAsync(IReadOnlyList<string> requiredColumns, bool atomic, CancellationToken ct)
        {
            // An all-or-nothing upload is one transaction: the body is received first (to a temporary file
            // past 1 MiB), so a slow client never holds the database's write lock while it sends.
            if (atomic)
            {
                request.EnableBuffering(bufferThreshold: 1024 * 1024, bufferLimit: DocumentImport.ImportBodyLimit);
                await request.Body.DrainAsync(ct);
                request.Body.Position = 0;
            }
            return DocumentSources.ReadAsync(request, requiredColumns, ct);
        }
    }

    private sealed class FileUpload(Stream file, string fileName, string? contentType) : DocumentUpload
    {
        public override Task<IAsyncEnumerable<SourceRecord>> OpenAsync(IReadOnlyList<string> requiredColumns, bool atomic, CancellationToken ct) =>
            Task.FromResult(DocumentSources.ReadFileAsync(file, fileName, contentType, requiredColumns, ct));
    }
}
