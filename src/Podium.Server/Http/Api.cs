namespace Podium.Server.Http;

/// <summary>The one place where response envelopes and the contract's error messages are made.</summary>
public static class Api
{
    public const string ValidationMessage = "There is some Validation error";

    public static ApiResponse<T> Ok<T>(string message, T data) => new(StatusCodes.Status200OK, message, data, null);

    public static ApiResponse<T> Created<T>(string message, T data) => new(StatusCodes.Status201Created, message, data, null);

    public static ApiResponse<IReadOnlyList<T>> List<T>(string message, IReadOnlyList<T> items, int count) =>
        new(StatusCodes.Status200OK, message, items, count);

    /// <summary>A list whose items are sent as both <c>data</c> and <c>results</c>, for endpoints the two doc generations name differently.</summary>
    public static ApiResponse<IReadOnlyList<T>> ListAlsoAsResults<T>(string message, IReadOnlyList<T> items, int count) =>
        new(StatusCodes.Status200OK, message, items, count, alsoAsResults: true);

    public static ApiError NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static ApiError Conflict(string message) => new(StatusCodes.Status409Conflict, message);

    public static ApiError Forbidden() =>
        new(StatusCodes.Status403Forbidden, "You do not have permission to perform this action.");

    public static ApiError Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, ValidationMessage, errors);

    public static ApiError Validation(string field, string error) =>
        Validation(new Dictionary<string, string[]> { [field] = [error] });

    /// <summary>204 for a change that answers no body (a delete, a revocation), or the operation's refusal.</summary>
    public static Results<NoContent, ApiError> NoContentUnless(ApiError? refused) => refused is null ? TypedResults.NoContent() : refused;

    public static readonly ApiError OrganizationNotFound = NotFound("Organization not found");
    public static readonly ApiError SpaceNotFound = NotFound("Space not found");
    public static readonly ApiError AgentNotFound = NotFound("Agent not found");
}
