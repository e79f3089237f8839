namespace Podium.Client;

/// <summary><c>telephony/providers-configurations/</c> and the provider catalogue. Writes need the admin role.</summary>
public sealed class ProvidersClient
{
    private const string Configurations = "telephony/providers-configurations/";
    private readonly PodiumHttp _http;

    internal ProvidersClient(PodiumHttp http) => _http = http;

    /// <summary>The providers Podium can be configured for.</summary>
    public Task<IReadOnlyList<ProviderCatalogueEntry>> ListCatalogueAsync(CancellationToken ct = default) =>
        _http.GetAsync<IReadOnlyList<ProviderCatalogueEntry>>("telephony/providers/", null, ct);

    public Task<Page<Provider>> ListAsync(PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<Provider>(Configurations, null, page, ct);

    public IAsyncEnumerable<Provider> ListAllAsync(int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<Provider>(Configurations, null, pageSize, ct);

    public Task<Provider> GetAsync(int id, CancellationToken ct = default) =>
        _http.GetAsync<Provider>($"{Configurations}{id}/", null, ct);

    public Task<Provider> CreateAsync(CreateProviderRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<Provider>(HttpMethod.Post, Configurations, request, ct);

    /// <summary>Changes the fields given; a secret given replaces the stored one.</summary>
    public Task<Provider> UpdateAsync(int id, UpdateProviderRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<Provider>(HttpMethod.Patch, $"{Configurations}{id}/", request, ct);

    /// <summary>Refused (409) while numbers use the configuration, unless <paramref name="force"/>.</summary>
    public Task DeleteAsync(int id, bool force = false, CancellationToken ct = default) =>
        _http.SendAsync(HttpMethod.Delete, $"{Configurations}{id}/", new Query().Add("force", force ? true : null), ct);
}

/// <summary><c>telephony/numbers/</c>: the organization's phone number inventory.</summary>
public sealed class NumbersClient
{
    private const string Numbers = "telephony/numbers/";
    private readonly PodiumHttp _http;

    internal NumbersClient(PodiumHttp http) => _http = http;

    public Task<Page<PhoneNumber>> ListAsync(NumberState? state = null, PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<PhoneNumber>(Numbers, new Query().Add("state", state), page, ct);

    public IAsyncEnumerable<PhoneNumber> ListAllAsync(NumberState? state = null, int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<PhoneNumber>(Numbers, new Query().Add("state", state), pageSize, ct);

    public Task<PhoneNumber> CreateAsync(CreateNumberRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<PhoneNumber>(HttpMethod.Post, Numbers, request, ct);

    /// <summary>Refused (409) while the number is on a bridge, unless <paramref name="force"/>.</summary>
    public Task DeleteAsync(int id, bool force = false, CancellationToken ct = default) =>
        _http.SendAsync(HttpMethod.Delete, $"{Numbers}{id}/", new Query().Add("force", force ? true : null), ct);
}

/// <summary><c>telephony/bridges/</c>: bridges, their numbers and their agents.</summary>
public sealed class BridgesClient
{
    private const string Bridges = "telephony/bridges/";
    private readonly PodiumHttp _http;

    internal BridgesClient(PodiumHttp http) => _http = http;

    public Task<Page<Bridge>> ListAsync(PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<Bridge>(Bridges, null, page, ct);

    public IAsyncEnumerable<Bridge> ListAllAsync(int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<Bridge>(Bridges, null, pageSize, ct);

    public Task<Bridge> GetAsync(string slug, CancellationToken ct = default) =>
        _http.GetAsync<Bridge>(BridgePath(slug), null, ct);

    public Task<Bridge> CreateAsync(CreateBridgeRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<Bridge>(HttpMethod.Post, Bridges, request, ct);

    public Task<Bridge> UpdateAsync(string slug, UpdateBridgeRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<Bridge>(HttpMethod.Patch, BridgePath(slug), request, ct);

    /// <summary>Refused (409) while numbers are connected, unless <paramref name="force"/>.</summary>
    public Task DeleteAsync(string slug, bool force = false, CancellationToken ct = default) =>
        _http.SendAsync(HttpMethod.Delete, BridgePath(slug), new Query().Add("force", force ? true : null), ct);

    public Task<ConnectedNumber> ConnectAsync(string slug, ConnectProviderRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<ConnectedNumber>(HttpMethod.Post, BridgePath(slug) + "connect-provider/", request, ct);

    public Task<DisconnectedNumber> DisconnectAsync(string slug, DisconnectProviderRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<DisconnectedNumber>(HttpMethod.Post, BridgePath(slug) + "disconnect-provider/", request, ct);

    private static string BridgePath(string slug) => $"{Bridges}{Route.Segment(slug)}/";
}
