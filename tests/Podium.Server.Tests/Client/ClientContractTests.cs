using System.Text.Json;
using System.Text.Json.Nodes;
using Podium.Client;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Client;

/// <summary>
/// The client's models say what the committed OpenAPI document (docs/openapi.json, itself checked
/// against the server) says: every schema has a client type with the same JSON properties, and every
/// enum the same values. A server change that the client has not followed fails here.
/// </summary>
public sealed class ClientContractTests
{
    /// <summary>Schemas whose client type is not named after them (by convention a schema X or XDto is the client type X).</summary>
    private static readonly Dictionary<string, Type> Renamed = new()
    {
        ["AgentRuntimeDto"] = typeof(AgentRuntime),
        ["AgentRuntimeRequest"] = typeof(AgentRuntime),
        ["AgentRuntime"] = typeof(AgentRuntimeKind),
        ["CallingHoursDto"] = typeof(CallingHours),
        ["CallingHoursRequest"] = typeof(CallingHours),
        ["CallStatus"] = typeof(CallStatusCounts),
        ["ConnectedDto"] = typeof(ConnectedNumber),
        ["DisconnectedDto"] = typeof(DisconnectedNumber),
        ["DeliveryDto"] = typeof(WebhookDelivery),
        ["NumberDto"] = typeof(PhoneNumber),
        ["RetryDto"] = typeof(RetryPolicy),
        ["RetryRequest"] = typeof(RetryPolicy),
        ["ScheduleRequest"] = typeof(Schedule),
        ["SimulationRequest"] = typeof(SimulationSettings),
        ["TaskDto"] = typeof(PodiumTask),
        ["CallDto"] = typeof(PodiumCall),
        ["NumberResultDto"] = typeof(NumberResult),
        ["TaskStatus"] = typeof(PodiumTaskStatus),
        ["TimeRangeRequest"] = typeof(TimeRange),
    };

    /// <summary>Wire properties the client leaves out on purpose: older aliases of fields it sends under their newer name.</summary>
    private static readonly HashSet<string> Omitted =
    [
        "ConnectProviderRequest.configuration_id", // an alias of provider_credential_id
        "UpdateBridgeRequest.slug", // fixed once created: the server only ever refuses a change
    ];

    /// <summary>Schemas the client has no type for: the envelope and the voice profiles' inner wrap (unwrapped by the client) and JSON itself.</summary>
    private static bool IsWireOnly(string schema) =>
        schema.StartsWith("EnvelopeOf", StringComparison.Ordinal) || schema.StartsWith("WrappedOf", StringComparison.Ordinal) || schema is "ErrorEnvelope" or "JsonNode" or "JsonObject" or "JsonArray";

    private static readonly JsonObject Schemas = Repository.OpenApiDocument()["components"]!["schemas"]!.AsObject();

    public static TheoryData<string> SchemaNames() => [.. Schemas.Select(s => s.Key).Where(s => !IsWireOnly(s)).Order()];

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void EverySchema_HasAClientType_WithTheSameShape(string schema)
    {
        var type = ClientType(schema);
        Assert.True(type is not null, $"Podium.Client has no type for the {schema} schema (add one, or map it in {nameof(Renamed)}).");
        var definition = Schemas[schema]!;

        if (definition["enum"] is JsonArray values)
        {
            Assert.True(type.IsEnum, $"{schema} is an enum on the wire; {type.Name} is not.");
            var wire = values.Select(v => v!.GetValue<string>()).Order();
            var client = Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.Serialize(v, type, PodiumJson.Options).Trim('"')).Order();
            Assert.Equal(wire, client);
            return;
        }

        var expected = (definition["properties"]?.AsObject().Select(p => p.Key) ?? []).Where(p => !Omitted.Contains($"{schema}.{p}")).Order().ToList();
        var actual = PodiumJson.Options.GetTypeInfo(type).Properties
            .Where(p => p.AttributeProvider?.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), false) != true)
            .Select(p => p.Name).Order().ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"{schema} vs {type.Name}: missing in the client [{string.Join(", ", expected.Except(actual))}], unknown to the server [{string.Join(", ", actual.Except(expected))}]");

        // Each property has the same JSON type. What the server answers, the client can hold: a property the
        // server may send as null is nullable in the client. What the client sends, the server takes: the client
        // writes no nulls, so a request property it may leave out is one the server does not require.
        var request = schema.EndsWith("Request", StringComparison.Ordinal);
        var required = definition["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        var nullability = new System.Reflection.NullabilityInfoContext();
        var mismatches = new List<string>();
        foreach (var property in PodiumJson.Options.GetTypeInfo(type).Properties.Where(p => definition["properties"]?[p.Name] is not null))
        {
            var (wireKind, wireNullable) = WireType(definition["properties"]![property.Name]!);
            var clientKind = ClientKind(property.PropertyType);
            var clientNullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
                || (!property.PropertyType.IsValueType && property.AttributeProvider switch
                {
                    System.Reflection.PropertyInfo info => nullability.Create(info).ReadState != System.Reflection.NullabilityState.NotNull,
                    System.Reflection.FieldInfo info => nullability.Create(info).ReadState != System.Reflection.NullabilityState.NotNull,
                    _ => true,
                });
            if (wireKind is not null && clientKind is not null && wireKind != clientKind)
                mismatches.Add($"{property.Name}: {wireKind} on the wire, {clientKind} in the client");
            if (!request && wireNullable && !clientNullable)
                mismatches.Add($"{property.Name}: the server may answer null, the client cannot hold it");
            if (request && clientNullable && required.Contains(property.Name))
                mismatches.Add($"{property.Name}: the client may leave it out, the server requires it");
        }
        Assert.True(mismatches.Count == 0, $"{schema} vs {type.Name}:\n" + string.Join('\n', mismatches));
    }

    /// <summary>The JSON type a property schema gives (null where it allows any: JSON itself, or several types) and whether it allows null.</summary>
    private static (string? Kind, bool Nullable) WireType(JsonNode property)
    {
        if (property["oneOf"] is JsonArray choices)
        {
            var other = choices.Where(c => c!["type"]?.GetValue<string>() != "null").ToList();
            return (other.Count == 1 ? WireType(other[0]!).Kind : null, choices.Count != other.Count);
        }
        if (property["$ref"] is JsonValue reference)
        {
            var target = Schemas[reference.GetValue<string>().Split('/')[^1]]!;
            return (target["enum"] is not null ? "string" : target["type"] is null ? null : WireType(target).Kind, false);
        }
        return property["type"] switch
        {
            JsonValue single => (single.GetValue<string>(), false),
            JsonArray several when several.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList() is [var one] =>
                (one, several.Any(t => t!.GetValue<string>() == "null")),
            JsonArray several => (null, several.Any(t => t!.GetValue<string>() == "null")),
            _ => (null, true),
        };
    }

    /// <summary>The JSON type a client property is written as; null for JSON itself.</summary>
    private static string? ClientKind(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type.IsEnum) return "string";
        if (type == typeof(bool)) return "boolean";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return "integer";
        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float)) return "number";
        if (typeof(JsonNode).IsAssignableFrom(type) || type == typeof(JsonElement) || type == typeof(object)) return null;
        if (type.IsGenericType && type.GetGenericArguments().Length == 2) return "object";
        if (typeof(System.Collections.IEnumerable).IsAssignableFrom(type)) return "array";
        return "object";
    }

    private static Type? ClientType(string schema)
    {
        if (Renamed.TryGetValue(schema, out var renamed)) return renamed;
        var name = schema.EndsWith("Dto", StringComparison.Ordinal) ? schema[..^3] : schema;
        return typeof(PodiumClient).Assembly.GetType($"Podium.Client.{name}");
    }
}
