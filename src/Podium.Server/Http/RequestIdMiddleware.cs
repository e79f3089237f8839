namespace Podium.Server.Http;

/// <summary>Echoes the client's X-Request-Id or makes one, and uses it as the request's trace identifier.</summary>
public static class RequestIdMiddleware
{
    public const string Header = "X-Request-Id";
    private const int MaxLength = 128;

    public static IApplicationBuilder UseRequestId(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var given = context.Request.Headers[Header].ToString();
        var id = IsSafe(given) ? given : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        return next(context);
    });

    // A request id is echoed into a header and logs, so only plain tokens are taken.
    private static bool IsSafe(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
