namespace Podium.Server.Features.Telephony.Bridges;

/// <summary>Changes the fields sent; the slug never changes, and a new agent list replaces the old one.</summary>
public static class UpdateBridge
{
    public static async Task<Outcome<BridgeDto>> RunAsync(string slug, UpdateBridgeRequest request, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var db = context.Db;
        if (await db.Bridges.Include(b => b.Agents).FirstOrDefaultAsync(b => b.Slug == slug, ct) is not { } bridge) return BridgeRules.NotFound;
        if (request.Slug is not null && request.Slug != bridge.Slug)
            return Api.Validation("slug", "The slug cannot be changed after creation.");
        if (request.Agents is not null)
        {
            var agents = await BridgeRules.ResolveAgentsAsync(db, request.Agents, ct);
            if (agents.Error is not null) return agents.Error;
            bridge.Agents.Clear();
            bridge.Agents.AddRange(agents.Value!);
        }
        if (request.Name is not null) bridge.Name = request.Name.Trim();
        if (request.Description is not null) bridge.Description = request.Description;
        if (request.Region is not null) bridge.Region = request.Region.Length == 0 ? null : request.Region;
        bridge.ModifiedAt = context.Now;
        context.Record("bridge", "updated", slug, request);
        await db.SaveChangesAsync(ct);
        return await BridgeRules.ReadAsync(db, context.Tenant, bridge.Id, ct);
    }
}
