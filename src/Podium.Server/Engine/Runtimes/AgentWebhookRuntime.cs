using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Podium.Server.Outbound;

namespace Podium.Server.Engine.Runtimes;

/// <summary>
/// An agent behind an HTTP endpoint. Each attempt is POSTed to the agent's URL, signed with the
/// agent's secret (<c>Podium-Signature: t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>). A 200 with
/// an <c>output</c> finishes the attempt; a 202 means the agent will post the result to <c>callback_url</c>.
/// Timeouts, network errors and error statuses are failed attempts for the retry policy. The answer is
/// read up to <see cref="MaxAnswerBytes"/>.
/// </summary>
public sealed class AgentWebhookRuntime(IHttpClientFactory clients, IDataProtectionProvider protection, PublicAddress address, TimeProvider clock) : IAgentRuntime
{
    public const string ClientName = "agent-webhooks";
    public const string SignatureHeader = WebhookSignature.Header;
    public const string SecretPurpose = "Podium.Agents.WebhookSecret";

    public const int MaxAnswerBytes = 1024 * 1024;

    public AgentRuntime Kind => AgentRuntime.Webhook;

    public async Task<AgentResult> ExecuteAsync(AgentCall attempt, CancellationToken ct)
    {
        if (attempt.Settings.Url is null || attempt.ProtectedSecrets.Count == 0)
            return AgentResult.Failure("The agent has no webhook URL or secret.");
        var body = AgentWebhookBody.For(attempt, address.TaskResultUrl(attempt.TaskId)).ToUtf8();
        using var request = new HttpRequestMessage(HttpMethod.Post, attempt.Settings.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", attempt.IdempotencyKey);
        request.Headers.Add(SignatureHeader, WebhookSignature.Create(SigningSecrets.Unprotect(protection.CreateProtector(SecretPurpose), attempt.ProtectedSecrets), body, clock.GetUtcNow()));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(attempt.Settings.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode == HttpStatusCode.Accepted) return AgentResult.Later();
            if (!response.IsSuccessStatusCode) return AgentResult.Failure($"The agent answered HTTP {(int)response.StatusCode}.");
            var answer = await BoundedBody.ReadAsync(response, MaxAnswerBytes, timeout.Token);
            return answer is null
                ? AgentResult.Failure($"The agent's answer is larger than {BoundedBody.Describe(MaxAnswerBytes)}.")
                : Read(Encoding.UTF8.GetString(answer));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return AgentResult.Failure($"The agent did not answer within {attempt.Settings.TimeoutSeconds} s.");
        }
        catch (HttpRequestException e)
        {
            return AgentResult.Failure($"The agent could not be reached: {OutboundClients.Reason(e)}");
        }
    }

    /// <summary>Reads a result body, from the 200 answer or a later callback: <c>{"output": {...}, "outcome": "..."}</c>.</summary>
    public static AgentResult Read(string json)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return AgentResult.Failure("The agent's answer is not JSON.");
        }
        if (body?["output"] is not JsonObject output)
            return AgentResult.Failure("The agent's answer has no output object.");
        if (NulCharacters.In(body))
            return AgentResult.Failure("The agent's answer contains NUL characters, which cannot be stored.");
        var outcome = body["outcome"]?.GetValueKind() == JsonValueKind.String ? body["outcome"]!.GetValue<string>() : CallOutcomes.Completed;
        if (!AgentResult.Outcomes.Contains(outcome))
            return AgentResult.UnknownOutcome(outcome);
        var cost = output["cost"] is JsonValue c && c.TryGetValue<decimal>(out var value) && value >= 0 ? (long)(value * 1_000_000m) : 0;
        int? duration = output["duration"] is JsonValue d && d.TryGetValue<int>(out var seconds) ? seconds : null;
        return new AgentResult(outcome, (JsonObject)output.DeepClone(), cost, duration, outcome == CallOutcomes.Failed ? "The agent reported a failure." : null);
    }
}
