using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Podium.Data;
using Podium.Server.Http;

namespace Podium.Server.Auth;

/// <summary>Authenticates "Authorization: Token &lt;key&gt;" against the stored key hashes.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PodiumDb db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    // Writing last_used_at on every request would turn each read into a write; once a minute is enough.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private sealed class ExpiredKeyException() : Exception("Token has expired.");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
            return AuthenticateResult.NoResult();
        var key = ApiKeySecret.FromHeader(header);
        if (key is null)
            return AuthenticateResult.Fail("Invalid token.");

        var hash = ApiKeySecret.Hash(key);
        var row = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash)
            .Select(k => new { k.Id, k.UserId, k.Prefix, k.Hash, k.ExpiresAt, k.RevokedAt, k.LastUsedAt })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (row is null || !ApiKeySecret.Matches(row.Hash, hash) || row.RevokedAt is not null)
            return AuthenticateResult.Fail("Invalid token.");

        var now = clock.GetUtcNow().UtcDateTime;
        if (row.ExpiresAt <= now)
            return AuthenticateResult.Fail(new ExpiredKeyException());

        if (row.LastUsedAt is null || now - row.LastUsedAt > LastUsedResolution)
            await db.ApiKeys.Where(k => k.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);

        var identity = new ClaimsIdentity(
        [
            new Claim(Caller.UserIdClaim, row.UserId.ToString(CultureInfo.InvariantCulture)),
            new Claim(Caller.KeyIdClaim, row.Id.ToString(CultureInfo.InvariantCulture)),
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
