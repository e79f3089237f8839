namespace Podium.Server.Features.Telephony.Bridges;

/// <summary>Makes a bridge (a routing group numbers connect to); its slug is made from the name unless given.</summary>
public static class CreateBridge
{
    public static async Task<Outcome<BridgeDto>> RunAsync(CreateBridgeRequest request, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var (db, tenant, now) = (context.Db, context.Tenant, context.Now);
        var slug = request.Slug ?? Identifiers.Slug(request.Name!, maxStem: 90);
        if (await db.Bridges.AnyAsync(b => b.Slug == slug, ct)) return BridgeRules.SlugTaken;
        var agents = await BridgeRules.ResolveAgentsAsync(db, request.Agents, ct);
        if (agents.Error is not null) return agents.Error;

        var bridge = new Bridge
        {
            OrganizationId = tenant.OrganizationId,
            Name = request.Name!.Trim(),
            Slug = slug,
            Description = request.Description ?? "",
            Region = string.IsNullOrEmpty(request.Region) ? null : request.Region,
            CreatedAt = now,
            ModifiedAt = now,
            Agents = agents.Value!,
        };
        db.Bridges.Add(bridge);
        if (await context.SaveCreatedAsync("bridge", () => bridge.Slug, request, BridgeRules.SlugTaken, ct) is { } conflict) return conflict;
        return await BridgeRules.ReadAsync(db, tenant, bridge.Id, ct);
    }
}
