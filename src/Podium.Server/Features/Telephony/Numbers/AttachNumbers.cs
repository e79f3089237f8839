namespace Podium.Server.Features.Telephony.Numbers;

/// <summary>
/// The Unpod SDK's number attach and detach. Podium routes numbers through bridges: attaching numbers to an
/// agent puts them on the agent's bridge (the one named, else the agent's own, else a new one made for it).
/// Each number is answered alone; numbers that cannot be attached do not stop the others.
/// </summary>
public static class AttachNumbers
{
    /// <summary>201 when at least one number is attached; 400 naming each number's reason when none is.</summary>
    public static async Task<Outcome<AttachNumbersResultDto>> RunAsync(AttachNumbersRequest request, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var (db, tenant, now) = (context.Db, context.Tenant, context.Now);
        Agent? agent = null;
        if (request.Agent is { } handle && (agent = await db.Agents.FirstOrDefaultAsync(a => a.Handle == handle, ct)) is null)
            return Api.Validation(request.AttachType == "pipeline" ? "pipe_id" : "agent_id", "Agent not found for this organization.");
        var bridge = await BridgeForAsync(db, tenant, request, agent, now, ct);
        if (bridge.Error is not null) return bridge.Error;
        var target = bridge.Value!;

        var results = new List<NumberResultDto>();
        var found = await NumberRules.FindAsync(db, tenant, request.Numbers!, ct);
        // A bridge made just now is saved with the numbers, so a refusal leaves nothing behind.
        var agents = target.Id == 0 ? [agent!] : await db.Agents.Where(a => a.BridgeId == target.Id || (agent != null && a.Id == agent.Id)).ToListAsync(ct);
        foreach (var (text, number) in found)
        {
            if (number is null)
            {
                results.Add(NumberRules.NotInInventory(text, tenant));
                continue;
            }
            if (number.BridgeId is { } other && other != target.Id)
            {
                results.Add(NumberRules.Refused(number.Number, number.Id, "The number is connected to another bridge; detach it first."));
                continue;
            }
            number.Bridge = target;
            number.ModifiedAt = now;
            var link = NumberLink.Of(number, number.ProviderConfiguration, agents);
            results.Add(new NumberResultDto(number.Id, number.Number, link.ConnectionState, agent?.Handle, true, link.Problem));
        }
        if (!results.Exists(r => r.Ok))
            return NumberRules.NoneWentThrough(results.Select((r, i) => (r.Error!, i)), "numbers");
        target.ModifiedAt = now;
        // Many numbers change at once: the entry names none, its fields say what was sent.
        context.Record("number", "attach", null, request);
        await db.SaveChangesAsync(ct);
        return new AttachNumbersResultDto(agent?.Handle, target.Slug, results, $"{results.Count(r => r.Ok)} of {results.Count} number(s) attached.");
    }

    /// <summary>
    /// The bridge named by <c>bridge_slug</c>, else the agent's own, else a new bridge made for the agent and
    /// given to it. An agent already calling through another bridge than the one named is refused rather
    /// than silently moved off its numbers.
    /// </summary>
    private static async Task<Outcome<Bridge>> BridgeForAsync(PodiumDb db, Tenant tenant, AttachNumbersRequest request, Agent? agent, DateTime now, CancellationToken ct)
    {
        if (request.BridgeSlug is { } slug)
        {
            if (await db.Bridges.FirstOrDefaultAsync(b => b.Slug == slug, ct) is not { } named) return Api.Validation("bridge_slug", "No bridge with this slug in the organization.");
            if (agent is null) return named;
            if (agent.BridgeId is { } current && current != named.Id)
                return Api.Validation("bridge_slug", "The agent calls through another bridge; attach the numbers there, or change the agent's bridge first.");
            agent.BridgeId = named.Id;
            return named;
        }
        if (agent!.BridgeId is { } own) return await db.Bridges.SingleAsync(b => b.Id == own, ct);
        var made = new Bridge
        {
            OrganizationId = tenant.OrganizationId,
            Name = $"{agent.Name} numbers",
            Slug = Identifiers.Slug(agent.Handle, maxStem: 90),
            Description = $"Made for agent {agent.Handle} when numbers were attached to it.",
            Region = request.Region?.ToUpperInvariant(),
            CreatedAt = now,
            ModifiedAt = now,
        };
        db.Bridges.Add(made);
        agent.Bridge = made;
        agent.ModifiedAt = now;
        return made;
    }
}
