using System.Reflection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace Podium.Server.Http;

/// <summary>A success response in the envelope. Handlers build it through <see cref="Api"/>.</summary>
public sealed class ApiResponse<T>(int statusCode, string message, T data, int? count, bool alsoAsResults = false)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<Envelope<T>>, IEndpointMetadataProvider
{
    public int? StatusCode => statusCode;
    public Envelope<T> Value { get; } = new(statusCode, message, data, count, alsoAsResults ? data : default);
    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext) => EnvelopeWriter.WriteAsync(httpContext, statusCode, Value);

    // Required by IEndpointMetadataProvider, which is a static abstract interface member.
#pragma warning disable CA1000
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Envelope<T>), ["application/json"]));
#pragma warning restore CA1000
}

/// <summary>An error response in the envelope.</summary>
public sealed class ApiError(int statusCode, string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;
    public string Message => message;
    public IReadOnlyDictionary<string, string[]>? Errors => errors;

    public Task ExecuteAsync(HttpContext httpContext) =>
        EnvelopeWriter.WriteAsync(httpContext, statusCode, new ErrorEnvelope(statusCode, message, errors));
}

internal static class EnvelopeWriter
{
    public static Task WriteAsync<TBody>(HttpContext httpContext, int status, TBody body)
    {
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        httpContext.Response.StatusCode = status;
        return httpContext.Response.WriteAsJsonAsync(body, json);
    }
}
