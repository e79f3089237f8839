namespace Podium.Server.Features.Agents;

/// <summary>A webhook agent's new signing secret, shown this once; the previous one signs beside it for <c>grace_hours</c>.</summary>
public static class RotateAgentSecret
{
    public static async Task<Outcome<AgentDto>> RunAsync(
        string agentHandle, RotateSecretRequest? request, OperationContext context, IDataProtectionProvider protection, CancellationToken ct)
    {
        if (request is not null && context.Refusal(request) is { } invalid) return invalid;
        var db = context.Db;
        if (await db.Agents.FirstOrDefaultAsync(a => a.Handle == agentHandle, ct) is not { } agent) return Api.AgentNotFound;
        var now = context.Now;
        var secret = AgentWebhookSecrets.Rotate(agent, protection, (request ?? new RotateSecretRequest()).Grace, now);
        if (secret is null) return Api.Conflict("Only a webhook agent has a signing secret.");
        agent.ModifiedAt = now;
        context.Record("agent", "rotate_secret", agentHandle, request);
        await db.SaveChangesAsync(ct);
        return await AgentReader.ReadAsync(db, agent.Id, ct) with { WebhookSecret = secret };
    }
}
