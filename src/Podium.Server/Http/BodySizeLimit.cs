using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Podium.Server.Http;

/// <summary>
/// Refuses an oversized body before anything reads it: by Content-Length at once, and through
/// the server's own limit for chunked bodies (which surfaces as a 413 BadHttpRequestException).
/// </summary>
public static class BodySizeLimit
{
    /// <param name="maxBytes">The limit for endpoints that set none of their own (<see cref="IRequestSizeLimitMetadata"/>).</param>
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app, long maxBytes) => app.Use((context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? maxBytes;
        if (context.Request.ContentLength > limit)
            return new ApiError(StatusCodes.Status413PayloadTooLarge, "Request body too large.").ExecuteAsync(context);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
            feature.MaxRequestBodySize = limit;
        return next(context);
    });
}
