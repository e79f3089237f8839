using System.Reflection;
using System.Security.Claims;

namespace Podium.Server.Auth;

/// <summary>The authenticated user and the key they used; bound from the request's claims.</summary>
public sealed record Caller(int UserId, int KeyId, string KeyPrefix)
{
    public const string UserIdClaim = "podium:user_id";
    public const string KeyIdClaim = "podium:key_id";
    public const string KeyPrefixClaim = "podium:key_prefix";

    public static Caller From(ClaimsPrincipal principal) => new(
        int.Parse(principal.FindFirstValue(UserIdClaim)!, CultureInfo.InvariantCulture),
        int.Parse(principal.FindFirstValue(KeyIdClaim)!, CultureInfo.InvariantCulture),
        principal.FindFirstValue(KeyPrefixClaim)!);

    public static ValueTask<Caller> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(From(context.User));
}
