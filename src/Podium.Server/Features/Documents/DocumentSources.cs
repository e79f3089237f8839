using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Podium.Server.Features.Documents;

/// <summary>One record of an upload: a document, or why the record could not be read as one.</summary>
public sealed record SourceRecord(string Field, JsonObject? Document, string? Error);

/// <summary>A problem with the upload as a whole (no header, an unknown column layout), not with one row.</summary>
public sealed class SourceException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Reads an upload as a stream of documents, one record at a time, so a file of any length is
/// imported in flat memory: a JSON array, CSV (<c>text/csv</c>), or a CSV or JSON file in a
/// <c>multipart/form-data</c> form.
/// </summary>
public static class DocumentSources
{
    /// <summary>Header names (normalized) that mean a document field under another name.</summary>
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["phone"] = "contact_number",
        ["phone_number"] = "contact_number",
        ["mobile"] = "contact_number",
        ["number"] = "contact_number",
        ["full_name"] = "name",
        ["label"] = "labels",
        ["tags"] = "labels",
        ["email_address"] = "email",
    };

    /// <param name="requiredColumns">Columns a CSV header must have (after aliases), checked before any row.</param>
    public static async IAsyncEnumerable<SourceRecord> ReadAsync(
        HttpRequest request, IReadOnlyList<string> requiredColumns, [EnumeratorCancellation] CancellationToken ct)
    {
        var contentType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (string.Equals(contentType, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(parsed!.Boundary).Value;
            if (string.IsNullOrEmpty(boundary)) throw new SourceException("file", "The multipart body has no boundary.");
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                    continue;
                var name = disposition.FileName.Value ?? disposition.FileNameStar.Value ?? "";
                await foreach (var record in ReadFileAsync(section.Body, name, section.ContentType, requiredColumns, ct))
                    yield return record;
                yield break;
            }
            throw new SourceException("file", "The form has no file. Send the CSV as a file field named \"file\".");
        }
        var isCsv = contentType is not null && (contentType.EndsWith("/csv", StringComparison.OrdinalIgnoreCase) || contentType.Equals("text/plain", StringComparison.OrdinalIgnoreCase));
        await foreach (var record in (isCsv ? ReadCsvAsync(request.Body, requiredColumns, ct) : ReadJsonAsync(request.Body, ct)))
            yield return record;
    }

    /// <summary>An uploaded file: JSON when its name or type says so, CSV otherwise.</summary>
    public static IAsyncEnumerable<SourceRecord> ReadFileAsync(Stream file, string fileName, string? contentType, IReadOnlyList<string> requiredColumns, CancellationToken ct)
    {
        var json = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        return json ? ReadJsonAsync(file, ct) : ReadCsvAsync(file, requiredColumns, ct);
    }

    private static async IAsyncEnumerable<SourceRecord> ReadJsonAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        var index = 0;
        var documents = JsonSerializer.DeserializeAsyncEnumerable<JsonNode?>(body, JsonSerializerOptions.Default, ct);
        await using var enumerator = documents.GetAsyncEnumerator(ct);
        while (true)
        {
            JsonNode? node;
            try
            {
                if (!await enumerator.MoveNextAsync()) yield break;
                node = enumerator.Current;
            }
            catch (JsonException e)
            {
                throw new SourceException(index == 0 ? "body" : $"documents[{index}]",
                    $"Not a JSON array of documents{(index == 0 ? "" : $" (malformed after document {index - 1})")}: {Engine.ColumnText.Clip(e.Message.Split(" Path:")[0], 200)}");
            }
            var field = $"documents[{index++}]";
            yield return node is JsonObject document ? new SourceRecord(field, document, null) : new SourceRecord(field, null, "Must be an object.");
        }
    }

    private static async IAsyncEnumerable<SourceRecord> ReadCsvAsync(Stream body, IReadOnlyList<string> requiredColumns, [EnumeratorCancellation] CancellationToken ct)
    {
        using var text = new StreamReader(body, detectEncodingFromByteOrderMarks: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null,
            MissingFieldFound = null,
            DetectDelimiter = true,
            TrimOptions = TrimOptions.Trim,
            // No field can be kept longer than a document; a longer one is not buffered whole.
            MaxFieldSize = MaxFieldLength,
        };
        using var csv = new CsvReader(text, configuration);
        if (!await NextAsync(csv)) throw new SourceException("file", "The file is empty. The first row must name the columns (e.g. name, contact_number).");
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(Column).ToArray();
        var duplicate = header.GroupBy(h => h).FirstOrDefault(g => g.Key.Length > 0 && g.Count() > 1);
        if (duplicate is not null) throw new SourceException("file", $"Two columns map to \"{duplicate.Key}\".");
        foreach (var column in requiredColumns.Where(c => !header.Contains(c)))
            throw new SourceException("file", $"The header has no {column} column ({string.Join(", ", Aliases.Where(a => a.Value == column).Select(a => a.Key).Prepend(column))}).");

        while (await NextAsync(csv))
        {
            ct.ThrowIfCancellationRequested();
            var values = csv.Parser.Record ?? [];
            var field = $"rows[{csv.Parser.Row}]";
            if (values.All(string.IsNullOrWhiteSpace)) continue;
            if (values.Length != header.Length)
            {
                yield return new SourceRecord(field, null, $"Expected {header.Length} fields, found {values.Length}.");
                continue;
            }
            var document = new JsonObject();
            for (var i = 0; i < header.Length; i++)
                if (header[i].Length > 0 && values[i].Length > 0) document[header[i]] = values[i];
            yield return new SourceRecord(field, document, null);
        }
    }

    /// <summary>The longest CSV field read: a document is at most this much JSON anyway.</summary>
    public const int MaxFieldLength = TaskDocuments.MaxDocumentLength;

    /// <summary>The next record; a field past <see cref="MaxFieldLength"/> ends the upload there, as malformed input does.</summary>
    private static async Task<bool> NextAsync(CsvReader csv)
    {
        try
        {
            return await csv.ReadAsync();
        }
        catch (MaxFieldSizeException)
        {
            throw new SourceException($"rows[{csv.Parser.Row}]", $"A field is longer than {MaxFieldLength:N0} characters.");
        }
    }

    /// <summary>"Phone Number" and "phone-number" both become "phone_number", then aliases apply.</summary>
    private static string Column(string raw)
    {
        var name = string.Join('_', raw.Trim().ToLowerInvariant().Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries));
        return Aliases.GetValueOrDefault(name, name);
    }
}
