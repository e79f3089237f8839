using System.Net;

namespace Podium.Client;

/// <summary>
/// The server refused a request. <see cref="Exception.Message"/> is the server's message; <see cref="Errors"/>
/// holds its field errors (e.g. <c>documents[3].contact_number</c>), and <see cref="RequestId"/> the id to quote
/// when asking about it.
/// </summary>
public class PodiumApiException(HttpStatusCode statusCode, string message, IReadOnlyDictionary<string, string[]>? errors, string? requestId)
    : Exception(message)
{
    /// <summary>The message, the request id and every field error: what a log line should carry.</summary>
    public override string ToString() =>
        $"{GetType().FullName}: {(int)StatusCode} {Message}"
        + (RequestId is null ? "" : $" (request {RequestId})")
        + string.Concat(Errors.Select(e => $"{Environment.NewLine}  {e.Key}: {string.Join(" ", e.Value)}"))
        + Environment.NewLine + StackTrace;

    public HttpStatusCode StatusCode { get; } = statusCode;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public string? RequestId { get; } = requestId;

    internal static PodiumApiException For(HttpStatusCode status, string message, IReadOnlyDictionary<string, string[]>? errors, string? requestId, TimeSpan? retryAfter) =>
        status switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType
                => new PodiumValidationException(status, message, errors, requestId),
            HttpStatusCode.Unauthorized => new PodiumAuthenticationException(status, message, errors, requestId),
            HttpStatusCode.Forbidden => new PodiumPermissionException(status, message, errors, requestId),
            HttpStatusCode.NotFound => new PodiumNotFoundException(status, message, errors, requestId),
            HttpStatusCode.Conflict => new PodiumConflictException(status, message, errors, requestId),
            HttpStatusCode.TooManyRequests => new PodiumRateLimitException(status, message, errors, requestId, retryAfter),
            _ => new PodiumApiException(status, message, errors, requestId),
        };
}

/// <summary>400 (and 413, 415, 422): the request was malformed; <see cref="PodiumApiException.Errors"/> says which fields.</summary>
public sealed class PodiumValidationException(HttpStatusCode statusCode, string message, IReadOnlyDictionary<string, string[]>? errors, string? requestId)
    : PodiumApiException(statusCode, message, errors, requestId);

/// <summary>401: the key is missing, unknown, revoked or expired.</summary>
public sealed class PodiumAuthenticationException(HttpStatusCode statusCode, string message, IReadOnlyDictionary<string, string[]>? errors, string? requestId)
    : PodiumApiException(statusCode, message, errors, requestId);

/// <summary>403: the caller's role in the organization does not allow this.</summary>
public sealed class PodiumPermissionException(HttpStatusCode statusCode, string message, IReadOnlyDictionary<string, string[]>? errors, string? requestId)
    : PodiumApiException(statusCode, message, errors, requestId);

/// <summary>404: no such resource in the caller's organization (another tenant's resources are 404 too).</summary>
public sealed class PodiumNotFoundException(HttpStatusCode statusCode, string message, IReadOnlyDictionary<string, string[]>? errors, string? requestId)
    : PodiumApiException(statusCode, message, errors, requestId);

/// <summary>409: a duplicate, a resource in use, or an idempotency key reused with another body.</summary>
public sealed class PodiumConflictException(HttpStatusCode statusCode, string message, IReadOnlyDictionary<string, string[]>? errors, string? requestId)
    : PodiumApiException(statusCode, message, errors, requestId);

/// <summary>429 after the retries ran out; <see cref="RetryAfter"/> is the server's advice.</summary>
public sealed class PodiumRateLimitException(HttpStatusCode statusCode, string message, IReadOnlyDictionary<string, string[]>? errors, string? requestId, TimeSpan? retryAfter)
    : PodiumApiException(statusCode, message, errors, requestId)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
