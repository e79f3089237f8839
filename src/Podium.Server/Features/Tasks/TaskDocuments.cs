using System.Text.Json;
using System.Text.Json.Nodes;
using Podium.Data.Entities;
using Podium.Server.Engine;
using Podium.Server.Http;

namespace Podium.Server.Features.Tasks;

/// <summary>One checked document: what a task is made from.</summary>
public sealed record TaskDocument(JsonObject Input, string? Phone, string? TimeZone, string? RefId);

/// <summary>Checks documents and normalizes their numbers, reporting errors by index.</summary>
public static class TaskDocuments
{
    public static List<TaskDocument> Check(
        IReadOnlyList<JsonObject> documents, ExecutionType executionType, string defaultRegion, ValidationErrors errors)
    {
        var checkedDocuments = new List<TaskDocument>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            var field = $"documents[{i}]";
            var name = Text(document, "name");
            if (string.IsNullOrWhiteSpace(name))
                errors.Add($"{field}.name", name is null && document.ContainsKey("name") ? "Must be a string." : "This field is required.");

            string? phone = null, zone = null;
            var number = Text(document, "contact_number");
            if (executionType == ExecutionType.Call || number is not null)
            {
                if (string.IsNullOrWhiteSpace(number))
                    errors.Add($"{field}.contact_number", "This field is required.");
                else if (Recipients.Parse(number, defaultRegion) is { } parsed)
                    (phone, zone) = parsed;
                else
                    errors.Add($"{field}.contact_number", "Not a valid phone number.");
            }
            if (executionType == ExecutionType.Email && string.IsNullOrWhiteSpace(Text(document, "email")))
                errors.Add($"{field}.email", "This field is required for an email space.");

            if (Text(document, "timezone") is { } given)
            {
                if (TimeZoneInfo.TryFindSystemTimeZoneById(given, out _)) zone = given;
                else errors.Add($"{field}.timezone", "Not a known IANA time zone.");
            }
            if (errors.Any) continue;

            var input = (JsonObject)document.DeepClone();
            if (phone is not null) input["contact_number"] = phone;
            var refId = Text(document, "document_id") ?? Text(document, "id");
            checkedDocuments.Add(new TaskDocument(input, phone, zone, refId?[..Math.Min(refId.Length, 255)]));
        }
        return checkedDocuments;
    }

    /// <summary>A string property, or null when absent or not a string.</summary>
    private static string? Text(JsonObject document, string key) =>
        document[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
