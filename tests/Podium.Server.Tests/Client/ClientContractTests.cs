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
    }

    private static Type? ClientType(string schema)
    {
        if (Renamed.TryGetValue(schema, out var renamed)) return renamed;
        var name = schema.EndsWith("Dto", StringComparison.Ordinal) ? schema[..^3] : schema;
        return typeof(PodiumClient).Assembly.GetType($"Podium.Client.{name}");
    }
}
