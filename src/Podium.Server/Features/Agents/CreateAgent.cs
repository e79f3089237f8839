namespace Podium.Server.Features.Agents;

/// <summary>Creates an agent; a webhook agent's signing secret is in the answer this once.</summary>
public static class CreateAgent
{
    public static readonly ApiError HandleTaken = Api.Conflict("An agent with this handle already exists.");

    public static async Task<Outcome<AgentDto>> RunAsync(
        CreateAgentRequest request, OperationContext context, IDataProtectionProvider protection, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var created = await SaveAsync(context.Db, protection, context.Tenant.OrganizationId, request, context.Now, ct);
        if (created.Error is not null) return created.Error;
        var (agent, secret) = created.Value;
        context.Record("agent", "created", agent.Handle, request);
        await context.Db.SaveChangesAsync(ct);
        return await AgentReader.ReadAsync(context.Db, agent.Id, ct) with { WebhookSecret = secret };
    }

    /// <summary>The write itself, without an audit entry: also the first-run demo's, which has nobody to answer for it.</summary>
    /// <returns>The agent and, for a webhook agent, its signing secret in the clear (shown once).</returns>
    public static async Task<Outcome<(Agent Agent, string? Secret)>> SaveAsync(
        PodiumDb db, IDataProtectionProvider protection, int organizationId, CreateAgentRequest request, DateTime now, CancellationToken ct)
    {
        var space = await AgentReferences.ResolveSpaceAsync(db, request.SpaceToken, ct);
        if (space.Error is not null) return space.Error;
        if (await AgentReferences.CheckProviderAsync(db, request.Runtime, ct) is { } badProvider) return badProvider;
        if (await AgentReferences.CheckVoiceProfileAsync(db, request.VoiceProfileId, ct) is { } badVoice) return badVoice;

        var handle = request.Handle ?? Identifiers.AgentHandle();
        // Handles are global, so the check looks past the tenant and soft-delete filters.
        if (await db.Agents.IgnoreQueryFilters().AnyAsync(a => a.Handle == handle, ct))
            return HandleTaken;

        var agent = new Agent
        {
            OrganizationId = organizationId,
            Handle = handle,
            Name = request.Name.Trim(),
            Type = request.Type,
            State = request.State,
            Purpose = request.Purpose ?? "",
            Description = request.Description ?? "",
            SpaceId = space.Value,
            Settings = request.Settings(),
            CreatedAt = now,
            ModifiedAt = now,
        };
        var secret = AgentWebhookSecrets.EnsureFor(agent, protection);
        db.Agents.Add(agent);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return HandleTaken;
        }
        return (agent, secret);
    }
}
