using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Podium.Server.WebConsole;

/// <summary>
/// The console's sign-in: an API key checked like the API checks it, remembered as an encrypted,
/// HttpOnly, SameSite=Strict cookie that names the key (never holds it). Every request re-checks the
/// key, so revoking it ends the console session at once.
/// </summary>
public static class ConsoleAuth
{
    public const string Scheme = "Console";
    public const string CookieName = "podium_console";

    public static void AddConsoleCookie(this AuthenticationBuilder builder) =>
        builder.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/console";
            o.LoginPath = "/console/sign-in";
            o.LogoutPath = "/console/sign-out";
            o.AccessDeniedPath = "/console/sign-in";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = ValidateAsync;
        });

    public static ClaimsPrincipal Principal(ValidKey key) => new(new ClaimsIdentity(
    [
        new Claim(Caller.UserIdClaim, key.UserId.ToString(CultureInfo.InvariantCulture)),
        new Claim(Caller.KeyIdClaim, key.KeyId.ToString(CultureInfo.InvariantCulture)),
        new Claim(Caller.KeyPrefixClaim, key.Prefix),
    ], Scheme));

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        // The cookie names a key and a user: both must still hold, and the key must be that user's.
        var valid = int.TryParse(context.Principal?.FindFirstValue(Caller.KeyIdClaim), CultureInfo.InvariantCulture, out var keyId)
            && int.TryParse(context.Principal?.FindFirstValue(Caller.UserIdClaim), CultureInfo.InvariantCulture, out var userId)
            && await ApiKeyLookup.StillValidAsync(services.GetRequiredService<PodiumDb>(), keyId, userId,
                services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, context.HttpContext.RequestAborted);
        if (valid) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }
}
