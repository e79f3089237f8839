using System.Text.Json.Serialization;

namespace Podium.Server.Engine.Runtimes;

/// <summary>
/// What Podium POSTs to a webhook agent for each attempt (the wire format agents are written against:
/// snake_case, nulls written out). <c>callback_url</c> and <c>callback_token</c> are where a 202 agent
/// posts its result later.
/// </summary>
public sealed record AgentWebhookBody(
    string TaskId, string RunId, int Attempt,
    string? CallId, string? FromNumber, string IdempotencyKey,
    string ExecutionType, string Objective, JsonObject Input, AgentWebhookBody.AgentName Agent,
    string CallbackUrl, string? CallbackToken)
{
    public sealed record AgentName(string Handle, string Name);

    public static AgentWebhookBody For(AgentCall attempt, string callbackUrl) => new(
        attempt.TaskId, attempt.RunId, attempt.Attempt,
        attempt.CallId, attempt.CallerNumber, attempt.IdempotencyKey,
        attempt.ExecutionType.ToString().ToLowerInvariant(), attempt.Objective, attempt.Input, new AgentName(attempt.AgentHandle, attempt.AgentName),
        callbackUrl, attempt.CallbackToken);

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, AgentWebhookJson.Default.AgentWebhookBody);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AgentWebhookBody))]
internal sealed partial class AgentWebhookJson : JsonSerializerContext;
