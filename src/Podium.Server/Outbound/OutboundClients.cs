using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Podium.Server.Outbound;

/// <summary>
/// The HTTP clients Podium calls tenants' endpoints with (agents, event receivers, providers): every
/// connection goes through the address policy, redirects are never followed (a 3xx is the answer),
/// no proxy or decompression is applied, and a connection that fails before any answer is tried again
/// a few times within seconds.
/// </summary>
public static class OutboundClients
{
    public static IServiceCollection AddOutboundPolicy(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>().BindConfiguration("Outbound");
        services.AddSingleton<AddressPolicy>();
        services.AddSingleton<GuardedConnection>();
        return services;
    }

    /// <param name="exchangeTimeout">A backstop over the whole exchange, retries included; callers set their own, shorter, timeouts.</param>
    /// <param name="retryAfterSending">False: a connection that ended after the request went out is not tried again (the request may have been acted on).</param>
    public static IHttpClientBuilder AddOutboundClient(this IServiceCollection services, string name, TimeSpan exchangeTimeout, bool retryAfterSending = true)
    {
        var builder = services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<GuardedConnection>().ConnectAsync,
                AllowAutoRedirect = false,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.None,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                // Re-resolve names now and then, and never hold a connection a server has forgotten.
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(20),
            });
        builder.AddResilienceHandler(name, pipeline =>
        {
            // Network time, whatever clock the engine is driven by.
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddTimeout(exchangeTimeout).AddRetry(new HttpRetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException e && IsTransportFailure(e)
                    && (retryAfterSending || e.HttpRequestError == HttpRequestError.ConnectionError)),
                MaxRetryAttempts = 4,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        });
        return builder;
    }

    /// <summary>
    /// Refused, reset or closed before any answer: nothing was answered, so sending again (with the same
    /// Idempotency-Key) is safe. A timeout, an error status or a refusal by the address policy is not.
    /// </summary>
    public static bool IsTransportFailure(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded
        && e.InnerException is not OutboundRefusedException;

    /// <summary>What to tell the tenant about a request that failed without an answer.</summary>
    public static string Reason(HttpRequestException e) =>
        e.InnerException is OutboundRefusedException refused ? refused.Message : $"{e.HttpRequestError}.";
}
