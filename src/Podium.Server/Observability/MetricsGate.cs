using System.Security.Cryptography;
using System.Text;

namespace Podium.Server.Observability;

/// <summary>
/// Keeps <c>/metrics</c> and the API apart: on the management port only <c>/metrics</c> answers; on the API's
/// port <c>/metrics</c> answers only to the bearer token, and not at all without one configured.
/// </summary>
public static class MetricsGate
{
    public static IApplicationBuilder UseMetricsGate(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
        var token = options.Token is { Length: > 0 } t ? Encoding.UTF8.GetBytes($"Bearer {t}") : null;
        return app.Use((context, next) =>
        {
            var isMetrics = context.Request.Path.Equals(TelemetrySetup.MetricsPath, StringComparison.OrdinalIgnoreCase);
            var onManagementPort = options.Port is { } port && context.Connection.LocalPort == port;
            if (onManagementPort) return isMetrics ? next(context) : Api.NotFound("Not found.").ExecuteAsync(context);
            if (!isMetrics) return next(context);
            if (token is null) return Api.NotFound("Not found.").ExecuteAsync(context);
            var given = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
            return CryptographicOperations.FixedTimeEquals(given, token)
                ? next(context)
                : new ApiError(StatusCodes.Status401Unauthorized, "Invalid token.").ExecuteAsync(context);
        });
    }
}
