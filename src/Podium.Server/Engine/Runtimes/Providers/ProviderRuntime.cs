using System.Text;
using Podium.Server.Outbound;
using Podium.Server.Storage;

namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>What every provider runtime needs from the server.</summary>
public sealed class ProviderServices(IServiceScopeFactory scopes, IHttpClientFactory clients, PublicAddress address, IOptions<EngineOptions> engine, TimeProvider clock)
{
    public const string ClientName = "call-providers";

    public HttpClient Client() => clients.CreateClient(ClientName);

    public TimeProvider Clock => clock;

    public EngineOptions Engine => engine.Value;

    public string EventsUrl(ProviderAccount account) => $"{address.BaseUrl}{ServerSetup.ApiPrefix}/telephony/events/{account.Provider}/{account.Id}/";

    /// <summary>Where providers and bots reach this server.</summary>
    public PublicAddress Address => address;

    public async Task<ProviderAccount?> AccountAsync(int? id, int organizationId, string provider, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ProviderAccount.FindAsync(scope.ServiceProvider.GetRequiredService<PodiumDb>(), scope.ServiceProvider.GetRequiredService<ProviderSecrets>(),
            id, organizationId, provider, ct);
    }

    /// <summary>The attempt with its voice override and trunk read; null when it names a trunk that is gone or inactive.</summary>
    public async Task<AgentCall?> RoutedAsync(AgentCall attempt, CancellationToken ct)
    {
        if (attempt.Settings.VoiceProfileId is null && attempt.Settings.Call.TrunkId is null) return attempt;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PodiumDb>();
        var (trunk, missing) = await CallRoutes.TrunkAsync(db, scope.ServiceProvider.GetRequiredService<TrunkPasswords>(), attempt.OrganizationId, attempt.Settings.Call.TrunkId, ct);
        if (missing) return null;
        return attempt with { Voice = await CallRoutes.VoiceAsync(db, attempt.OrganizationId, attempt.Settings.VoiceProfileId, ct), Trunk = trunk };
    }
}

/// <summary>
/// A runtime that has a provider place the call: the provider is asked once, and its events (or, failing
/// them, a look at the call) finish the attempt later. The attempt holds no engine slot while the call
/// runs. Placement is never repeated blindly: a request that may have reached the provider and got no
/// answer ends the attempt rather than risk calling the person twice.
/// </summary>
public abstract class ProviderRuntime(ProviderServices services) : IAgentRuntime
{
    private const int MaxAnswerBytes = 1024 * 1024;
    protected static readonly TimeSpan DefaultDeferral = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxDeferral = TimeSpan.FromMinutes(10);

    public abstract AgentRuntime Kind { get; }

    /// <summary>The catalogue slug of the provider configurations this runtime uses.</summary>
    public string Provider => ProviderRuntimes.ProviderOf(Kind)!;

    public abstract string ProviderName { get; }

    /// <summary>The secrets a configuration must hold for this runtime, by name.</summary>
    public abstract IReadOnlyList<string> RequiredSecrets { get; }

    /// <summary>
    /// False where the provider carries only the telephone line (Twilio, LiveKit): the integrator's bot
    /// holds the conversation and posts it to the task's result callback, to be merged with the call's facts.
    /// </summary>
    public bool CarriesConversation => !ProviderRuntimes.TelephonyOnly(Kind);

    protected ProviderServices Services => services;

    /// <summary>How long placing one call may take before its fate counts as unknown.</summary>
    protected virtual TimeSpan PlacementTimeout(AgentCall attempt) => TimeSpan.FromSeconds(30);

    /// <summary>Asks the provider to place the call: placed (with its id), deferred, or failed.</summary>
    protected abstract Task<AgentResult> PlaceAsync(ProviderAccount account, AgentCall attempt, CancellationToken ct);

    /// <summary>
    /// The server stopped while placing this attempt: whether the call exists must be known before anything
    /// is dialled again. Where the provider cannot be asked by Podium's key, the attempt ends here.
    /// </summary>
    protected virtual Task<AgentResult> ResumeAsync(ProviderAccount account, AgentCall attempt, CancellationToken ct) =>
        Task.FromResult(AgentResult.Failure($"The server stopped while asking {ProviderName} to place this call, and {ProviderName} cannot be asked whether it did; the attempt ended here rather than risk calling twice.") with { Final = true });

    /// <summary>Reads the call back from the provider: null when it cannot be asked or did not answer.</summary>
    public abstract Task<CallReport?> FetchAsync(ProviderAccount account, string providerCallId, CancellationToken ct);

    /// <summary>
    /// Asks the provider to end a live call: null when it took the request, else its refusal. The call's own
    /// end event (or, failing it, a look at the call) then finishes the attempt. The base is for providers
    /// with no documented way to end a call through their API.
    /// </summary>
    protected virtual Task<string?> EndCallAsync(ProviderAccount account, string providerCallId, CancellationToken ct) =>
        Task.FromResult<string?>($"{ProviderName} offers no way to hang up a call through its API");

    /// <returns>Null when the provider was asked and took it; else why the call could not be hung up.</returns>
    public async Task<string?> HangUpAsync(int organizationId, int? configurationId, string providerCallId, CancellationToken ct)
    {
        var account = await services.AccountAsync(configurationId, organizationId, Provider, ct);
        if (account is null) return $"the agent's {ProviderName} configuration is missing or inactive";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            return await EndCallAsync(account, providerCallId, timeout.Token);
        }
        catch (HttpRequestException e)
        {
            return $"{ProviderName} could not be asked ({OutboundClients.Reason(e)})";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"{ProviderName} did not answer within 15 s";
        }
    }

    /// <summary>Sends a hang-up request: null when the provider answered 2xx, else its status.</summary>
    protected async Task<string?> EndWithAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var answer = await SendAsync(request, ct);
        return answer.Succeeded ? null : $"{ProviderName} answered HTTP {answer.Status} to the hang-up";
    }

    /// <summary>A verified event, or null when the signature does not hold (then nothing is read).</summary>
    public abstract ValueTask<ProviderEvent?> ReadEventAsync(ProviderAccount account, ProviderEventRequest request);

    public async Task<AgentResult> ExecuteAsync(AgentCall attempt, CancellationToken ct)
    {
        var account = await services.AccountAsync(attempt.Settings.ProviderConfigId, attempt.OrganizationId, Provider, ct);
        if (account is null)
            return AgentResult.Failure($"The agent's {ProviderName} configuration is missing or inactive.");
        if (RequiredSecrets.FirstOrDefault(s => account.Secret(s) is null) is { } missing)
            return AgentResult.Failure($"The agent's {ProviderName} configuration has no {missing}.");
        if (await services.RoutedAsync(attempt, ct) is not { } routed)
            return AgentResult.Failure($"The agent's SIP trunk (runtime.trunk_id {attempt.Settings.Call.TrunkId}) is missing or inactive; no call was placed.") with { Final = true };
        attempt = routed;

        var limit = PlacementTimeout(attempt);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        try
        {
            return attempt.Resumed ? await ResumeAsync(account, attempt, timeout.Token) : await PlaceAsync(account, attempt, timeout.Token);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError && e.InnerException is not OutboundRefusedException)
        {
            // Nothing was sent: placing it later is safe.
            return AgentResult.Defer(DefaultDeferral, $"{ProviderName} could not be reached; no call was placed.");
        }
        catch (HttpRequestException e)
        {
            return e.InnerException is OutboundRefusedException refused
                ? AgentResult.Failure($"{ProviderName} was not called: {refused.Message}") with { Final = true }
                : Unknown(OutboundClients.Reason(e));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Unknown($"it did not answer within {(int)limit.TotalSeconds} s");
        }
    }

    /// <summary>A provider's answer: its status, Retry-After, and body (JSON when it parsed as an object).</summary>
    protected sealed record ProviderAnswer(int Status, TimeSpan RetryAfter, JsonObject? Json, byte[]? Body)
    {
        public bool Succeeded => Status is >= 200 and < 300;

        /// <summary>429 and 5xx: the provider refused for now; nothing was placed.</summary>
        public bool ForNow => Status is 429 or >= 500;
    }

    protected async Task<ProviderAnswer> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await services.Client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var code = (int)response.StatusCode;
        var body = code is 429 or >= 500 ? null : await BoundedBody.ReadAsync(response, MaxAnswerBytes, ct);
        return new ProviderAnswer(code, RetryAfter(response), body is null ? null : Json(body), body);
    }

    /// <summary>Reads a call with <paramref name="request"/>; null when the provider did not answer with it.</summary>
    protected async Task<JsonObject?> ReadAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            var answer = await SendAsync(request, timeout.Token);
            return answer.Succeeded ? answer.Json : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    protected AgentResult Deferred(ProviderAnswer answer) =>
        AgentResult.Defer(answer.RetryAfter, $"{ProviderName} answered HTTP {answer.Status} to the call request; no call was placed.");

    protected AgentResult Refused(ProviderAnswer answer) =>
        AgentResult.Failure($"{ProviderName} refused the call (HTTP {answer.Status}): {Message(answer.Json, answer.Body)}") with { Final = true };

    protected AgentResult Unknown(string why) =>
        AgentResult.Failure($"Whether {ProviderName} placed the call is unknown ({why}); the attempt ended here rather than risk calling twice.") with { Final = true };

    /// <summary>Placed: the attempt waits for the call's end up to its longest length plus a grace.</summary>
    protected AgentResult Placed(string callId, AgentCall attempt) =>
        callId.Length > 128
            ? Unknown("the call id it returned is longer than 128 characters")
            : AgentResult.Placed(callId, TimeSpan.FromSeconds(attempt.Settings.Call.MaxCallSeconds) + services.Engine.CallGrace);

    protected static TimeSpan Bounded(TimeSpan wait) =>
        wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > MaxDeferral ? MaxDeferral : wait;

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        return Bounded(header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : DefaultDeferral));
    }

    protected static JsonObject? Json(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The provider's own words for a refusal: its message, error or detail field, else the start of the body.</summary>
    private static string Message(JsonObject? answer, byte[]? body)
    {
        foreach (var name in new[] { "message", "msg", "error", "detail" })
            if (answer?[name] is { } field)
                return ColumnText.Clip(field is JsonValue v && v.TryGetValue<string>(out var text) ? text : field.ToJsonString(), 300)!;
        return body is null ? "(no body)" : ColumnText.Clip(Encoding.UTF8.GetString(body), 300)!;
    }

    protected static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
