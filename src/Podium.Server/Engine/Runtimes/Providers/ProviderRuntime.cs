using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Podium.Data;
using Podium.Data.Entities;
using Podium.Server.Features.Providers;
using Podium.Server.Outbound;

namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>What every provider runtime needs from the server.</summary>
public sealed class ProviderServices(IServiceScopeFactory scopes, IHttpClientFactory clients, PublicAddress address, IOptions<EngineOptions> engine, TimeProvider clock)
{
    public const string ClientName = "call-providers";

    public HttpClient Client() => clients.CreateClient(ClientName);

    public TimeProvider Clock => clock;

    public EngineOptions Engine => engine.Value;

    public string EventsUrl(ProviderAccount account) => $"{address.BaseUrl}/api/v2/platform/telephony/events/{account.Provider}/{account.Id}/";

    public async Task<ProviderAccount?> AccountAsync(int? id, int organizationId, string provider, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ProviderAccount.FindAsync(scope.ServiceProvider.GetRequiredService<PodiumDb>(), scope.ServiceProvider.GetRequiredService<ProviderSecrets>(),
            id, organizationId, provider, ct);
    }
}

/// <summary>
/// A runtime that has a provider place the call: one request starts it, and the provider's events (or,
/// failing them, a look at the call) finish the attempt later. The attempt holds no engine slot while the
/// call runs. Placement is never repeated blindly: a request that may have reached the provider and got no
/// answer ends the attempt rather than risk calling the person twice.
/// </summary>
public abstract class ProviderRuntime(ProviderServices services) : IAgentRuntime
{
    private const int MaxAnswerBytes = 1024 * 1024;
    private static readonly TimeSpan DefaultDeferral = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxDeferral = TimeSpan.FromMinutes(10);

    public abstract AgentRuntime Kind { get; }

    /// <summary>The catalogue slug of the provider configurations this runtime uses.</summary>
    public abstract string Provider { get; }

    public abstract string ProviderName { get; }

    /// <summary>The secrets a configuration must hold for this runtime, by name.</summary>
    public abstract IReadOnlyList<string> RequiredSecrets { get; }

    protected ProviderServices Services => services;

    /// <summary>The request that starts the call.</summary>
    protected abstract HttpRequestMessage StartRequest(ProviderAccount account, AgentCall attempt);

    /// <summary>The provider's id of the call it started, or why it did not start one.</summary>
    protected abstract (string? CallId, string? Refusal) ReadStarted(JsonObject answer);

    /// <summary>The request that reads a call back; null where the provider has none.</summary>
    protected abstract HttpRequestMessage? FetchRequest(ProviderAccount account, string providerCallId);

    /// <summary>A call as the fetch request returns it.</summary>
    protected abstract CallReport ReadCall(string providerCallId, JsonObject providerCall);

    /// <summary>A verified event, or null when the signature does not hold (then nothing is read).</summary>
    public abstract ProviderEvent? ReadEvent(ProviderAccount account, ProviderEventRequest request);

    public async Task<AgentResult> ExecuteAsync(AgentCall attempt, CancellationToken ct)
    {
        if (attempt.Resumed)
            return AgentResult.Failure($"The server stopped while asking {ProviderName} to place this call, and {ProviderName} cannot be asked whether it did; the attempt ended here rather than risk calling twice.") with { Final = true };
        var account = await services.AccountAsync(attempt.Settings.ProviderConfigId, attempt.OrganizationId, Provider, ct);
        if (account is null)
            return AgentResult.Failure($"The agent's {ProviderName} configuration is missing or inactive.");
        if (RequiredSecrets.FirstOrDefault(s => account.Secret(s) is null) is { } missing)
            return AgentResult.Failure($"The agent's {ProviderName} configuration has no {missing}.");

        using var request = StartRequest(account, attempt);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            using var response = await services.Client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests || code >= 500)
                return AgentResult.Defer(RetryAfter(response), $"{ProviderName} answered HTTP {code} to the call request; no call was placed.");
            var body = await BoundedBody.ReadAsync(response, MaxAnswerBytes, timeout.Token);
            var answer = body is null ? null : Json(body);
            if (!response.IsSuccessStatusCode)
                return AgentResult.Failure($"{ProviderName} refused the call (HTTP {code}): {Message(answer, body)}") with { Final = true };
            if (answer is null)
                return Unknown("its answer was not a JSON object");
            var (callId, refusal) = ReadStarted(answer);
            if (callId is null)
                return AgentResult.Failure($"{ProviderName} did not place the call: {refusal}") with { Final = true };
            if (callId.Length > 128)
                return Unknown("the call id it returned is longer than 128 characters");
            return AgentResult.Placed(callId, TimeSpan.FromSeconds(attempt.Settings.Call.MaxCallSeconds) + services.Engine.CallGrace);
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
            return Unknown("it did not answer within 30 s");
        }
    }

    /// <summary>Reads the call back from the provider: null when it cannot be asked or did not answer.</summary>
    public async Task<CallReport?> FetchAsync(ProviderAccount account, string providerCallId, CancellationToken ct)
    {
        using var request = FetchRequest(account, providerCallId);
        if (request is null) return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            using var response = await services.Client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode) return null;
            var body = await BoundedBody.ReadAsync(response, MaxAnswerBytes, timeout.Token);
            return body is not null && Json(body) is { } call ? ReadCall(providerCallId, call) : null;
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

    private AgentResult Unknown(string why) =>
        AgentResult.Failure($"Whether {ProviderName} placed the call is unknown ({why}); the attempt ended here rather than risk calling twice.") with { Final = true };

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : DefaultDeferral);
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > MaxDeferral ? MaxDeferral : wait;
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
        foreach (var name in new[] { "message", "error", "detail" })
            if (answer?[name] is { } field)
                return ColumnText.Clip(field is JsonValue v && v.TryGetValue<string>(out var text) ? text : field.ToJsonString(), 300)!;
        return body is null ? "(no body)" : ColumnText.Clip(Encoding.UTF8.GetString(body), 300)!;
    }

    /// <summary>The request with <c>Authorization: Bearer</c> and the configuration's API key.</summary>
    protected static HttpRequestMessage WithBearerKey(ProviderAccount account, HttpRequestMessage request)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", account.Secret("api_key"));
        return request;
    }

    protected static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
