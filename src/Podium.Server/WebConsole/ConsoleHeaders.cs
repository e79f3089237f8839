namespace Podium.Server.WebConsole;

/// <summary>
/// The console's pages load only their own stylesheet and script, are never framed, and are not
/// sniffed as another type: a content security policy and its companions on every console answer.
/// </summary>
public static class ConsoleHeaders
{
    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    public static IApplicationBuilder UseConsoleHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (context.Request.Path.StartsWithSegments("/console"))
        {
            headers.ContentSecurityPolicy = Policy;
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
        }
        return next(context);
    });
}
