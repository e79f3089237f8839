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

    /// <summary>
    /// Puts numbers on an agent's bridge (or the bridge named), each answered alone. A validation error (400)
    /// when none could be attached, naming each number's reason.
    /// </summary>
    public Task<AttachNumbersResult> AttachAsync(AttachNumbersRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<AttachNumbersResult>(HttpMethod.Post, Numbers + "attach/", request, ct);

    /// <summary>Takes numbers off their bridges; they stay in the inventory.</summary>
    public Task<DetachNumbersResult> DetachAsync(DetachNumbersRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<DetachNumbersResult>(HttpMethod.Post, Numbers + "detach/", request, ct);

    /// <summary>Every number and how it routes (<c>telephony/overview/</c>).</summary>
    public Task<IReadOnlyList<NumberOverview>> OverviewAsync(CancellationToken ct = default) =>
        _http.GetAsync<IReadOnlyList<NumberOverview>>("telephony/overview/", null, ct);
}

/// <summary><c>telephony/trunks/</c>: the organization's own SIP carriers. Writes need the admin role.</summary>
public sealed class TrunksClient
{
    private const string Trunks = "telephony/trunks/";
    private readonly PodiumHttp _http;

    internal TrunksClient(PodiumHttp http) => _http = http;

    public Task<IReadOnlyList<Trunk>> ListAsync(CancellationToken ct = default) => _http.GetAsync<IReadOnlyList<Trunk>>(Trunks, null, ct);

    public Task<Trunk> GetAsync(int id, CancellationToken ct = default) => _http.GetAsync<Trunk>($"{Trunks}{id}/", null, ct);

    public Task<Trunk> CreateAsync(CreateTrunkRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<Trunk>(HttpMethod.Post, Trunks, request, ct);

    public Task<Trunk> UpdateAsync(int id, UpdateTrunkRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<Trunk>(HttpMethod.Patch, $"{Trunks}{id}/", request, ct);

    /// <summary>Refused (409) while an agent dials through the trunk.</summary>
    public Task DeleteAsync(int id, CancellationToken ct = default) => _http.SendAsync(HttpMethod.Delete, $"{Trunks}{id}/", null, ct);

    public Task<TrunkAttachResult> AttachNumbersAsync(int id, TrunkNumbersRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<TrunkAttachResult>(HttpMethod.Post, $"{Trunks}{id}/attach-numbers/", request, ct);

    public Task<TrunkDetachResult> DetachNumbersAsync(int id, TrunkNumbersRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<TrunkDetachResult>(HttpMethod.Post, $"{Trunks}{id}/detach-numbers/", request, ct);
}

/// <summary><c>voice-profiles/</c>: read by every member, changed by admins.</summary>
public sealed class VoiceProfilesClient
{
    private const string Profiles = "voice-profiles/";
    private readonly PodiumHttp _http;

    internal VoiceProfilesClient(PodiumHttp http) => _http = http;

    /// <summary>Every profile, or those speaking <paramref name="language"/> (<c>en</c> matches <c>en-US</c>).</summary>
    public async Task<IReadOnlyList<VoiceProfile>> ListAsync(string? language = null, CancellationToken ct = default) =>
        (await _http.GetAsync<Wrapped<IReadOnlyList<VoiceProfile>>>(Profiles, new Query().Add("language", language), ct)).Data;

    public async Task<VoiceProfile> GetAsync(string profileId, CancellationToken ct = default) =>
        (await _http.GetAsync<Wrapped<VoiceProfile>>(ProfilePath(profileId), null, ct)).Data;

    public async Task<VoiceProfile> CreateAsync(CreateVoiceProfileRequest request, CancellationToken ct = default) =>
        (await _http.SendJsonAsync<Wrapped<VoiceProfile>>(HttpMethod.Post, Profiles, request, ct)).Data;

    public async Task<VoiceProfile> UpdateAsync(string profileId, UpdateVoiceProfileRequest request, CancellationToken ct = default) =>
        (await _http.SendJsonAsync<Wrapped<VoiceProfile>>(HttpMethod.Patch, ProfilePath(profileId), request, ct)).Data;

    /// <summary>Refused (409) while an agent speaks with the profile.</summary>
    public Task DeleteAsync(string profileId, CancellationToken ct = default) => _http.SendAsync(HttpMethod.Delete, ProfilePath(profileId), null, ct);

    private static string ProfilePath(string id) => $"{Profiles}{Route.Segment(id)}/";
}

/// <summary><c>speech/v1/calls</c>: single calls. Members place and hang up; viewers read.</summary>
public sealed class CallsClient
{
    private const string Calls = "speech/v1/calls/";
    private readonly PodiumHttp _http;

    internal CallsClient(PodiumHttp http) => _http = http;

    /// <summary>Queues one call as a one-task run (durable, retried and reported like every run).</summary>
    public Task<PodiumCall> PlaceAsync(PlaceCallRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<PodiumCall>(HttpMethod.Post, Calls, request, ct);

    public Task<Page<PodiumCall>> ListAsync(string? status = null, string? agent = null, PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<PodiumCall>(Calls, new Query().Add("call_status", status).Add("pipe_id", agent), page, ct);

    public IAsyncEnumerable<PodiumCall> ListAllAsync(string? status = null, string? agent = null, int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<PodiumCall>(Calls, new Query().Add("call_status", status).Add("pipe_id", agent), pageSize, ct);

    public Task<PodiumCall> GetAsync(string callId, CancellationToken ct = default) => _http.GetAsync<PodiumCall>($"{Calls}{Route.Segment(callId)}/", null, ct);

    /// <summary>Cancels a call not started yet; asks the provider to end a live one where it can; a live call is never called again.</summary>
    public Task<PodiumCall> HangUpAsync(string callId, CancellationToken ct = default) =>
        _http.SendAsync<PodiumCall>(HttpMethod.Post, $"{Calls}{Route.Segment(callId)}/hangup/", null, null, ct);
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
