using Microsoft.AspNetCore.Http.Features;

namespace Podium.Server.Http;

/// <summary>
/// Refuses an oversized body before anything reads it: by Content-Length at once, and through
/// the server's own limit for chunked bodies (which surfaces as a 413 BadHttpRequestException).
/// </summary>
public static class BodySizeLimit
{
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app, long maxBytes) => app.Use((context, next) =>
    {
        if (context.Request.ContentLength > maxBytes)
            return new ApiError(StatusCodes.Status413PayloadTooLarge, "Request body too large.").ExecuteAsync(context);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
            feature.MaxRequestBodySize = maxBytes;
        return next(context);
    });
}
