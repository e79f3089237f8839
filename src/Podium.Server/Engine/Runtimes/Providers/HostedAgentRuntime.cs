namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>
/// A hosted voice agent (Vapi, Retell, ElevenLabs): one JSON request starts the call of the provider's
/// own agent, and one reads it back, conversation and analysis included.
/// </summary>
public abstract class HostedAgentRuntime(ProviderServices services) : ProviderRuntime(services)
{
    /// <summary>The request that starts the call.</summary>
    protected abstract HttpRequestMessage StartRequest(ProviderAccount account, AgentCall attempt);

    /// <summary>The provider's id of the call it started, or why it did not start one.</summary>
    protected abstract (string? CallId, string? Refusal) ReadStarted(JsonObject answer);

    /// <summary>The request that reads a call back.</summary>
    protected abstract HttpRequestMessage FetchRequest(ProviderAccount account, string providerCallId);

    /// <summary>A call as the fetch request returns it.</summary>
    protected abstract CallReport ReadCall(string providerCallId, JsonObject providerCall);

    protected override async Task<AgentResult> PlaceAsync(ProviderAccount account, AgentCall attempt, CancellationToken ct)
    {
        using var request = StartRequest(account, attempt);
        var answer = await SendAsync(request, ct);
        if (answer.ForNow) return Deferred(answer);
        if (!answer.Succeeded) return Refused(answer);
        if (answer.Json is null) return Unknown("its answer was not a JSON object");
        var (callId, refusal) = ReadStarted(answer.Json);
        return callId is null
            ? AgentResult.Failure($"{ProviderName} did not place the call: {refusal}") with { Final = true }
            : Placed(callId, attempt);
    }

    public override async Task<CallReport?> FetchAsync(ProviderAccount account, string providerCallId, CancellationToken ct)
    {
        using var request = FetchRequest(account, providerCallId);
        return await ReadAsync(request, ct) is { } call ? ReadCall(providerCallId, call) : null;
    }

    /// <summary>The request with <c>Authorization: Bearer</c> and the configuration's API key.</summary>
    protected static HttpRequestMessage WithBearerKey(ProviderAccount account, HttpRequestMessage request)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", account.Secret("api_key"));
        return request;
    }
}
