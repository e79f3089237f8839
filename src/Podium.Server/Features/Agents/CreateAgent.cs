using Microsoft.AspNetCore.DataProtection;

namespace Podium.Server.Features.Agents;

/// <summary>Creates an agent; a webhook agent's signing secret is in the answer this once.</summary>
public static class CreateAgent
{
    public static async Task<Outcome<AgentDto>> RunAsync(
        CreateAgentRequest request, OperationContext context, IDataProtectionProvider protection, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var created = await AgentOperations.CreateAsync(context.Db, protection, context.Tenant.OrganizationId, request, context.Now, ct);
        if (created.Error is not null) return created.Error;
        var (agent, secret) = created.Value;
        context.Record("agent", "created", agent.Handle, request);
        await context.Db.SaveChangesAsync(ct);
        return await AgentReader.ReadAsync(context.Db, agent.Id, ct) with { WebhookSecret = secret };
    }
}
