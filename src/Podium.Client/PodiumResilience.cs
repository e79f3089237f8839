using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Podium.Client;

/// <summary>
/// The retry policy: a 429 is always retried (the server refused before doing anything); a 5xx, a 408,
/// a timeout or a network failure only where repeating cannot do the work twice: reads, PUT and DELETE,
/// and requests carrying an <c>Idempotency-Key</c> (task creation). Retry-After is honoured; otherwise
/// the wait doubles from <see cref="PodiumClientOptions.RetryDelay"/> with jitter.
/// </summary>
public static class PodiumResilience
{
    /// <summary>Set on a request whose body cannot be sent twice (a streamed upload) to turn retries off.</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("Podium.NoRetry");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, PodiumClientOptions options)
    {
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = TimeSpan.FromMinutes(2),
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
            });
        }
        pipeline.AddTimeout(options.AttemptTimeout);
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (request is not null && request.Options.TryGetValue(NoRetry, out var off) && off) return false;
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests }) return true;
        var transient = outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException
            || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout };
        return transient && request is not null && SafeToRepeat(request);
    }

    private static bool SafeToRepeat(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Put
        || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Options
        || request.Headers.Contains(PodiumHttp.IdempotencyKeyHeader);
}
