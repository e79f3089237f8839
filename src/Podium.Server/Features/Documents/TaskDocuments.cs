using Podium.Server.Engine;

namespace Podium.Server.Features.Documents;

/// <summary>One checked document: what a task and a collection document are made from.</summary>
/// <param name="RefId">The client's <c>document_id</c> (or <c>id</c>): the document's key in its collection.</param>
public sealed record TaskDocument(
    JsonObject Input, string Name, string? Phone, string? Email, string? TimeZone, string? RefId, IReadOnlyList<string> Labels);

/// <summary>Checks documents and normalizes their numbers and labels, reporting errors by field path.</summary>
public static class TaskDocuments
{
    /// <summary>What a space's documents become tasks of: calls for contacts, e-mails, else answers.</summary>
    public static ExecutionType ExecutionTypeFor(string contentType) => contentType switch
    {
        "contact" => ExecutionType.Call,
        "email" => ExecutionType.Email,
        _ => ExecutionType.Answer,
    };

    public const int MaxLabels = 50;
    public const int MaxLabelLength = 100;

    /// <summary>A document's JSON as stored (escapes included), so it always fits the task's and the collection's columns.</summary>
    public const int MaxDocumentLength = 64 * 1024;
    public const int MaxFields = 200;
    public const int MaxFieldNameLength = 100;
    public const int MaxNameLength = 500;
    public const int MaxEmailLength = 320;
    public const int MaxNumberLength = 32;
    private static readonly char[] LabelSeparators = [';', '|', ','];

    public static List<TaskDocument> Check(
        IReadOnlyList<JsonObject> documents, ExecutionType executionType, string defaultRegion, ValidationErrors errors)
    {
        var checkedDocuments = new List<TaskDocument>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var document = CheckOne(documents[i], $"documents[{i}]", executionType, defaultRegion, errors);
            if (document is not null && !errors.Any) checkedDocuments.Add(document);
        }
        return checkedDocuments;
    }

    /// <summary>One document, its errors reported under <paramref name="field"/>; null when it has any.</summary>
    public static TaskDocument? CheckOne(JsonObject document, string field, ExecutionType executionType, string defaultRegion, ValidationErrors errors)
    {
        var valid = true;
        void Error(string key, string message)
        {
            errors.Add($"{field}.{key}", message);
            valid = false;
        }
        if (NulCharacters.In(document))
        {
            errors.Add(field, NulCharacters.Message);
            return null;
        }
        if (Oversized(document) is { } size)
        {
            errors.Add(field, size);
            return null;
        }

        var name = Text(document, "name");
        if (string.IsNullOrWhiteSpace(name))
            Error("name", name is null && document.ContainsKey("name") ? "Must be a string." : "This field is required.");
        else if (name.Length > MaxNameLength)
            Error("name", $"Ensure this field has no more than {MaxNameLength} characters.");

        string? phone = null, zone = null;
        var number = Text(document, "contact_number");
        if (executionType == ExecutionType.Call || number is not null)
        {
            if (string.IsNullOrWhiteSpace(number))
                Error("contact_number", "This field is required.");
            else if (number.Length > MaxNumberLength)
                Error("contact_number", "Not a valid phone number.");
            else if (Recipients.Parse(number, defaultRegion) is { } parsed)
                (phone, zone) = parsed;
            else
                Error("contact_number", "Not a valid phone number.");
        }
        var email = Text(document, "email");
        if (executionType == ExecutionType.Email && string.IsNullOrWhiteSpace(email))
            Error("email", "This field is required for an email space.");
        else if (email?.Length > MaxEmailLength)
            Error("email", $"Ensure this field has no more than {MaxEmailLength} characters.");

        if (Text(document, "timezone") is { } given)
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(given, out _)) zone = given;
            else Error("timezone", "Not a known IANA time zone.");
        }
        var labels = Labels(document["labels"], out var labelError);
        if (labelError is not null) Error("labels", labelError);
        var refId = Text(document, "document_id") ?? Text(document, "id");
        if (refId is { Length: 0 or > 255 }) Error(document.ContainsKey("document_id") ? "document_id" : "id", "Use 1-255 characters.");
        if (!valid) return null;

        var input = (JsonObject)document.DeepClone();
        if (phone is not null) input["contact_number"] = phone;
        if (labels.Count > 0) input["labels"] = new JsonArray(labels.Select(l => (JsonNode)JsonValue.Create(l)).ToArray());
        return new TaskDocument(input, name!.Trim(), phone, string.IsNullOrWhiteSpace(email) ? null : email.Trim(), zone, refId, labels);
    }

    /// <summary>Why a document is too big to keep (its stored size, its number of fields, a field's name), or null.</summary>
    private static string? Oversized(JsonObject document)
    {
        if (document.Count > MaxFields) return $"A document has at most {MaxFields} fields.";
        if (document.Any(p => p.Key.Length > MaxFieldNameLength)) return $"A field name has at most {MaxFieldNameLength} characters.";
        return document.ToJsonString().Length > MaxDocumentLength ? $"A document is at most {MaxDocumentLength / 1024} KiB of JSON." : null;
    }

    /// <summary>Labels from an array of strings or one string separated by <c>;</c>, <c>|</c> or <c>,</c>; trimmed, lowercased, distinct.</summary>
    public static IReadOnlyList<string> Labels(JsonNode? node, out string? error)
    {
        error = null;
        IEnumerable<string?> raw;
        switch (node)
        {
            case null:
                return [];
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                raw = value.GetValue<string>().Split(LabelSeparators);
                break;
            case JsonArray array when array.All(a => a is JsonValue v && v.GetValueKind() == JsonValueKind.String):
                raw = array.Select(a => a!.GetValue<string>());
                break;
            default:
                error = "Must be a list of strings.";
                return [];
        }
        var labels = raw.Select(l => l!.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList();
        if (labels.Count > MaxLabels) error = $"At most {MaxLabels} labels.";
        else if (labels.Exists(l => l.Length > MaxLabelLength)) error = $"A label has at most {MaxLabelLength} characters.";
        return error is null ? labels : [];
    }

    /// <summary>A string property, or null when absent or not a string.</summary>
    public static string? Text(JsonObject document, string key) =>
        document[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
