namespace Podium.Server.Features.Common;

/// <summary>
/// What an operation gives back to whichever entry point called it (an API endpoint, a console page,
/// an admin command): a value, or the contract error to answer with.
/// </summary>
public readonly record struct Outcome<T>(T? Value, ApiError? Error)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(ApiError error) => new(default, error);

    /// <summary>The API's answer: the value in the envelope <paramref name="ok"/> makes, or the error.</summary>
    public Results<ApiResponse<TData>, ApiError> Answer<TData>(Func<T, ApiResponse<TData>> ok) => Error is null ? ok(Value!) : Error;
}
