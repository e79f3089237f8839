namespace Podium.Server.WebConsole.Components;

/// <summary>
/// Reading an agent's free-form output (and a contact's document) whatever its shape: a field of
/// something that is not an object is absent, and any value shows as text.
/// </summary>
public static class JsonFields
{
    public static JsonNode? Field(this JsonNode? node, string key) => node is JsonObject o ? o[key] : null;

    /// <summary>A string as itself, anything else as its JSON; null for absent or null.</summary>
    public static string? Text(this JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
