namespace Podium.Server.Features.Agents;

/// <summary>Changes the fields sent; an agent that becomes a webhook agent gets its signing secret, shown this once.</summary>
public static class UpdateAgent
{
    public static async Task<Outcome<AgentDto>> RunAsync(
        string agentHandle, UpdateAgentRequest request, OperationContext context, IDataProtectionProvider protection, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var db = context.Db;
        if (await db.Agents.FirstOrDefaultAsync(a => a.Handle == agentHandle, ct) is not { } agent) return Api.AgentNotFound;
        if (request.SpaceToken is not null)
        {
            var space = await AgentReferences.ResolveSpaceAsync(db, request.SpaceToken, ct);
            if (space.Error is not null) return space.Error;
            agent.SpaceId = space.Value;
        }
        if (await AgentReferences.CheckProviderAsync(db, request.Runtime, ct) is { } badProvider) return badProvider;
        if (await AgentReferences.CheckVoiceProfileAsync(db, request.VoiceProfileId, ct) is { } badVoice) return badVoice;
        if (request.Name is not null) agent.Name = request.Name.Trim();
        if (request.Type is { } type) agent.Type = type;
        if (request.State is { } state) agent.State = state;
        if (request.Purpose is not null) agent.Purpose = request.Purpose;
        if (request.Description is not null) agent.Description = request.Description;
        agent.Settings = request.ApplyTo(agent.Settings);
        var secret = AgentWebhookSecrets.EnsureFor(agent, protection);
        agent.ModifiedAt = context.Now;
        context.Record("agent", "updated", agentHandle, request);
        await db.SaveChangesAsync(ct);
        return await AgentReader.ReadAsync(db, agent.Id, ct) with { WebhookSecret = secret };
    }
}
