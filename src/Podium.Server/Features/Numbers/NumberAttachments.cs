namespace Podium.Server.Features.Numbers;

/// <summary>
/// The Unpod SDK's number attach and detach. Podium routes numbers through bridges: attaching numbers to an
/// agent puts them on the agent's bridge (the one named, else the agent's own, else a new one made for it).
/// Each number is answered alone; numbers that cannot be attached do not stop the others.
/// </summary>
public static class NumberAttachments
{
    /// <summary>201 when at least one number is attached; 400 naming each number's reason when none is.</summary>
    public static async Task<Results<ApiResponse<AttachNumbersResultDto>, ApiError>> Attach(
        AttachNumbersRequest request, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Agent? agent = null;
        if (request.Agent is { } handle && (agent = await db.Agents.FirstOrDefaultAsync(a => a.Handle == handle, ct)) is null)
            return Api.Validation(request.AttachType == "pipeline" ? "pipe_id" : "agent_id", "Agent not found for this organization.");
        var bridge = await BridgeForAsync(db, tenant, request, agent, now, ct);
        if (bridge.Error is not null) return bridge.Error;
        var target = bridge.Value!;

        var results = new List<NumberResultDto>();
        var found = await FindAsync(db, tenant, request.Numbers!, ct);
        // A bridge made just now is saved with the numbers, so a refusal leaves nothing behind.
        var agents = target.Id == 0 ? [agent!] : await db.Agents.Where(a => a.BridgeId == target.Id || (agent != null && a.Id == agent.Id)).ToListAsync(ct);
        foreach (var (text, number) in found)
        {
            if (number is null)
            {
                results.Add(Refused(text, 0, NotInInventory(text, tenant)));
                continue;
            }
            if (number.BridgeId is { } other && other != target.Id)
            {
                results.Add(Refused(number.Number, number.Id, "The number is connected to another bridge; detach it first."));
                continue;
            }
            number.Bridge = target;
            number.ModifiedAt = now;
            var link = NumberLink.Of(number, number.ProviderConfiguration, agents);
            results.Add(new NumberResultDto(number.Id, number.Number, link.ConnectionState, agent?.Handle, true, link.Problem));
        }
        if (!results.Exists(r => r.Ok))
            return Api.Validation(results.Select((r, i) => (r, i)).ToDictionary(x => $"numbers[{x.i}]", x => new[] { x.r.Error! }));
        target.ModifiedAt = now;
        await db.SaveChangesAsync(ct);
        return Api.Created(agent is null ? "Numbers attached to bridge." : "Numbers attached to agent.",
            new AttachNumbersResultDto(agent?.Handle, target.Slug, results, $"{results.Count(r => r.Ok)} of {results.Count} number(s) attached."));
    }

    /// <summary>Each number leaves its bridge (it stays in the inventory); one on no bridge says so.</summary>
    public static async Task<Results<ApiResponse<DetachNumbersResultDto>, ApiError>> Detach(
        DetachNumbersRequest request, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await FindAsync(db, tenant, request.Numbers!, ct);
        var bridges = found.Select(f => f.Number?.BridgeId).OfType<int>().Distinct().ToList();
        var handles = (await db.Agents.AsNoTracking().Where(a => a.BridgeId != null && bridges.Contains(a.BridgeId.Value))
                .OrderBy(a => a.Id).Select(a => new { Bridge = a.BridgeId!.Value, a.Handle }).ToListAsync(ct))
            .GroupBy(a => a.Bridge).ToDictionary(g => g.Key, g => g.First().Handle);
        var results = found.ConvertAll(f =>
        {
            if (f.Number is not { } number) return Refused(f.Text, 0, NotInInventory(f.Text, tenant));
            if (number.BridgeId is not { } bridge) return Refused(number.Number, number.Id, "The number is not attached.");
            number.BridgeId = null;
            number.ModifiedAt = now;
            return new NumberResultDto(number.Id, number.Number, NumberLink.NotLinked, handles.GetValueOrDefault(bridge), true);
        });
        await db.SaveChangesAsync(ct);
        return Api.Ok("Numbers detached.", new DetachNumbersResultDto(results, $"{results.Count(r => r.Ok)} of {results.Count} number(s) detached."));
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
            var named = await db.Bridges.FirstOrDefaultAsync(b => b.Slug == slug, ct);
            if (named is null) return Api.Validation("bridge_slug", "No bridge with this slug in the organization.");
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

    private static async Task<List<(string Text, PhoneNumber? Number)>> FindAsync(PodiumDb db, Tenant tenant, IReadOnlyList<string> numbers, CancellationToken ct)
    {
        var normalized = numbers.Select(n => (Text: n ?? "", E164: NumberEndpoints.Normalize(n, tenant.Organization.DefaultPhoneRegion))).ToList();
        var wanted = normalized.Select(n => n.E164).OfType<string>().Distinct().ToList();
        var stored = await db.PhoneNumbers.Include(n => n.ProviderConfiguration).Where(n => wanted.Contains(n.Number)).ToDictionaryAsync(n => n.Number, ct);
        return normalized.ConvertAll(n => (n.E164 ?? n.Text, n.E164 is null ? null : stored.GetValueOrDefault(n.E164)));
    }

    private static string NotInInventory(string number, Tenant tenant) =>
        NumberEndpoints.Normalize(number, tenant.Organization.DefaultPhoneRegion) is null
            ? "Not a valid phone number."
            : "The number is not in the organization's inventory; add it with POST telephony/numbers/ (or a bridge's connect-provider) first.";

    private static NumberResultDto Refused(string number, int id, string error) => new(id, number, NumberLink.NotLinked, null, false, error);
}
