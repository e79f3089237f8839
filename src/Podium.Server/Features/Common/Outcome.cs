using Podium.Server.Http;

namespace Podium.Server.Features.Common;

/// <summary>
/// The result of an operation shared by the HTTP endpoints and the admin commands:
/// a value, or the contract error to answer with.
/// </summary>
public readonly record struct Outcome<T>(T? Value, ApiError? Error)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(ApiError error) => new(default, error);
}
