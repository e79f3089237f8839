using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Podium.Server.Http;

/// <summary>
/// Text with NUL characters is refused at the edge: PostgreSQL cannot store them (in text or in
/// JSON), so letting one through would end in a database error instead of a clear 400.
/// </summary>
public static class NulCharacters
{
    public const string Message = "Must not contain NUL characters (\\u0000).";

    /// <summary>Whether any string in a JSON tree (keys too) holds a NUL character.</summary>
    public static bool In(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => p.Key.Contains('\0', StringComparison.Ordinal) || In(p.Value)),
        JsonArray a => a.Any(In),
        JsonValue v => v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Contains('\0', StringComparison.Ordinal),
        _ => false,
    };

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Properties = new();

    /// <summary>
    /// Reports each string of a request object (its own types' properties, lists included) that holds a
    /// NUL character, under the field's wire name. JSON trees (documents, filters, metadata) are checked
    /// where they are read.
    /// </summary>
    public static void Check(object? value, string path, ValidationErrors errors, int depth = 0)
    {
        if (value is null || depth > 6 || value is JsonNode) return;
        if (value is string text)
        {
            if (text.Contains('\0', StringComparison.Ordinal)) errors.Add(path.Length == 0 ? "body" : path, Message);
            return;
        }
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) Check(item, $"{path}[{i++}]", errors, depth + 1);
            return;
        }
        var type = value.GetType();
        if (type.Assembly != typeof(NulCharacters).Assembly) return;
        foreach (var (property, name) in Properties.GetOrAdd(type, Readable))
            Check(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", errors, depth + 1);
    }

    private static (PropertyInfo, string)[] Readable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => (p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)))];

    /// <summary>Answers 400 for a query string carrying a NUL character, before any handler reads it.</summary>
    public static IApplicationBuilder UseNulFreeQueries(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Query.Any(q => q.Key.Contains('\0', StringComparison.Ordinal) || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
        {
            await Api.Validation("query", Message).ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
