using Microsoft.OpenApi;

namespace Podium.Server.Http;

/// <summary>
/// A <see cref="JsonNode"/> field holds any JSON, null included, and the document says so with the
/// empty schema. The generator otherwise writes some such fields as <c>{}</c> and others as
/// <c>oneOf [null, $ref JsonNode]</c>, depending on how the record declares them; the second form is
/// wrong for null (a null matches both branches, which <c>oneOf</c> forbids).
/// </summary>
internal static class AnyJson
{
    private const string Component = nameof(JsonNode);

    public static void Normalize(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas) return;
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            if (schema.Properties is not { } properties) continue;
            foreach (var name in properties.Keys.ToList())
                if (IsAnyJson(properties[name])) properties[name] = new OpenApiSchema { Description = properties[name].Description };
        }
        schemas.Remove(Component);
    }

    private static bool IsAnyJson(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchemaReference reference => reference.Reference.Id == Component,
        OpenApiSchema { OneOf: [{ Type: JsonSchemaType.Null }, var other] } => IsAnyJson(other),
        _ => false,
    };
}
