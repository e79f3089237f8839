using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Podium.Server.Storage;

namespace Podium.Server.Http;

/// <summary>
/// Maps everything the framework rejects before a handler runs (bad JSON, bad route,
/// oversized body, crash) to the contract's envelope, so no response is ever bare.
/// </summary>
public static partial class ErrorResponses
{
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteExceptionAsync });
        app.UseStatusCodePages(context => WriteStatusAsync(context.HttpContext));
        return app;
    }

    private static Task WriteStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var message = status switch
        {
            StatusCodes.Status404NotFound => "Not found.",
            StatusCodes.Status405MethodNotAllowed => "Method not allowed.",
            StatusCodes.Status413PayloadTooLarge => "Request body too large.",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported media type. Send application/json.",
            _ => null,
        };
        return message is null ? Task.CompletedTask : new ApiError(status, message).ExecuteAsync(context);
    }

    private static Task WriteExceptionAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (exception is BadHttpRequestException bad)
            return BadRequest(bad).ExecuteAsync(context);

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Podium.Errors");
        if (exception is not null && DatabaseErrors.IsTransient(exception))
        {
            // Busy, locked or briefly out of reach: an honest 503 the client can retry, not a 500.
            LogDatabaseBusy(logger, exception, context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = "1";
            return new ApiError(StatusCodes.Status503ServiceUnavailable, "The database is busy. Please try again in 1 second.").ExecuteAsync(context);
        }
        LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
        var body = new ErrorEnvelope(StatusCodes.Status500InternalServerError, "Internal server error.", RequestId: context.TraceIdentifier);
        return EnvelopeWriter.WriteAsync(context, StatusCodes.Status500InternalServerError, body);
    }

    private static ApiError BadRequest(BadHttpRequestException bad)
    {
        switch (bad.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                return new ApiError(StatusCodes.Status413PayloadTooLarge, "Request body too large.");
            case StatusCodes.Status415UnsupportedMediaType:
                return new ApiError(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type. Send application/json.");
        }
        if (bad.InnerException is JsonException json)
            return JsonError(json);
        if (bad.Message.Contains("body was not provided", StringComparison.OrdinalIgnoreCase))
            return Api.Validation("body", "A JSON body is required.");
        return new ApiError(StatusCodes.Status400BadRequest, Api.ValidationMessage,
            new Dictionary<string, string[]> { ["request"] = ["The request could not be read."] });
    }

    private static readonly string[] RequiredMessage = ["This field is required."];

    private static ApiError JsonError(JsonException json)
    {
        if (json.Path is not null and not "$")
            return Api.Validation(JsonField(json.Path), "Invalid value for this field: wrong type or format.");
        // System.Text.Json names the missing required properties only in its message.
        var missing = MissingProperties().Matches(json.Message).Select(m => m.Groups[1].Value).ToList();
        if (json.Message.Contains("missing required properties", StringComparison.Ordinal) && missing.Count > 0)
            return Api.Validation(missing.ToDictionary(name => name, _ => RequiredMessage));
        return Api.Validation("body", "Malformed JSON.");
    }

    [GeneratedRegex("'([a-z0-9_]+)'")]
    private static partial Regex MissingProperties();

    /// <summary>Turns a System.Text.Json path (<c>$.documents[2].name</c>) into the contract's key.</summary>
    private static string JsonField(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database was busy for {Method} {Path}; answered 503")]
    private static partial void LogDatabaseBusy(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception? exception, string method, PathString path);
}
