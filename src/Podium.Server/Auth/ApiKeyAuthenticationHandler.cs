using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace Podium.Server.Auth;

/// <summary>Authenticates "Authorization: Token &lt;key&gt;" against the stored key hashes.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PodiumDb db,
    AccessCache cache,
    ApiKeyUsage usage,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private sealed class ExpiredKeyException() : Exception("Token has expired.");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
            return AuthenticateResult.NoResult();
        var key = ApiKeySecret.FromHeader(header);
        if (key is null)
            return AuthenticateResult.Fail("Invalid token.");

        var found = await ApiKeyLookup.FindAsync(db, cache, usage, key, clock.GetUtcNow().UtcDateTime, Context.RequestAborted);
        if (found.Problem == KeyProblem.Expired)
            return AuthenticateResult.Fail(new ExpiredKeyException());
        if (found.Key is not { } row)
            return AuthenticateResult.Fail("Invalid token.");

        var identity = new ClaimsIdentity(
        [
            new Claim(Caller.UserIdClaim, row.UserId.ToString(CultureInfo.InvariantCulture)),
            new Claim(Caller.KeyIdClaim, row.KeyId.ToString(CultureInfo.InvariantCulture)),
            new Claim(Caller.KeyPrefixClaim, row.Prefix),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is ExpiredKeyException expired)
        {
            await new ApiError(StatusCodes.Status403Forbidden, expired.Message).ExecuteAsync(Context);
            return;
        }
        Response.Headers.WWWAuthenticate = "Token";
        var message = result.Failure is null ? "Authentication credentials were not provided." : "Invalid token.";
        await new ApiError(StatusCodes.Status401Unauthorized, message).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Api.Forbidden().ExecuteAsync(Context);
}
