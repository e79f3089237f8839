using Podium.Server.Engine.Runtimes.Providers;
using Twilio.Clients;
using Twilio.Http;

namespace Podium.Server.Engine.Runtimes.Twilio;

/// <summary>
/// Twilio's REST client for one configuration, sending through Podium's outbound client (address policy,
/// no redirects, no retry after sending). The library has no base-URL setting, so a configuration's
/// <c>base_url</c> (a regional edge, an egress proxy, a test double) is applied to each request's origin.
/// </summary>
public sealed class TwilioClients(IHttpMessageHandlerFactory handlers)
{
    public ITwilioRestClient For(ProviderAccount account, TimeSpan timeout)
    {
        var handler = handlers.CreateHandler(ProviderServices.ClientName);
        var pipeline = account.BaseUrl is { } origin ? new OriginRewrite(new Uri(origin), handler) : handler;
        // The handler belongs to the factory, which recycles it.
        var http = new System.Net.Http.HttpClient(pipeline, disposeHandler: false) { Timeout = timeout };
        // An API key (SK…) and its secret authenticate like the account's own SID and auth token.
        var (user, password) = account.Secret("api_key") is { } key && account.Secret("api_secret") is { } secret
            ? (key, secret)
            : (account.AccountSid!, account.Secret("auth_token")!);
        return new TwilioRestClient(user, password, accountSid: account.AccountSid, httpClient: new SystemNetHttpClient(http));
    }

    /// <summary>Sends each request to <paramref name="origin"/> (scheme, host, port and path prefix) instead of Twilio's.</summary>
    private sealed class OriginRewrite(Uri origin, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var from = request.RequestUri!;
            request.RequestUri = new UriBuilder(origin) { Path = origin.AbsolutePath.TrimEnd('/') + from.AbsolutePath, Query = from.Query.TrimStart('?') }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
