using System.Text.Json.Serialization;

namespace Podium.Server.Http;

/// <summary>
/// The Unpod success body: status_code always equals the HTTP status. <c>results</c> repeats
/// <c>data</c> only where a doc generation names the list that way (billing).
/// </summary>
public sealed record Envelope<T>(
    int StatusCode,
    string Message,
    T Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Count = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] T? Results = default);

/// <summary>The Unpod error body: the same envelope without data.</summary>
public sealed record ErrorEnvelope(
    int StatusCode,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestId = null);
