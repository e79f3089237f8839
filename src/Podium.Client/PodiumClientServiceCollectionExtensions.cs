using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Podium.Client;

public static class PodiumClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PodiumClient"/> as a typed <see cref="HttpClient"/> client with Podium's retry
    /// policy (429 and, where repeating is safe, 5xx and network failures; Retry-After honoured).
    /// </summary>
    public static IHttpClientBuilder AddPodiumClient(this IServiceCollection services, Action<PodiumClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PodiumClientOptions>().Configure(configure);
        return AddClient(services);
    }

    /// <summary>Binds the options from a configuration section (<c>BaseUrl</c>, <c>ApiKey</c>, <c>OrgHandle</c>, …).</summary>
    public static IHttpClientBuilder AddPodiumClient(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<PodiumClientOptions>().Bind(section);
        return AddClient(services);
    }

    private static IHttpClientBuilder AddClient(IServiceCollection services)
    {
        var builder = services.AddHttpClient<PodiumClient>()
            // Each attempt has its own timeout in the pipeline; the client-wide one must not cut retries short.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler("podium", (pipeline, context) =>
            PodiumResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<PodiumClientOptions>>().Value));
        return builder;
    }
}
