namespace Podium.Server.Features.Telephony.Bridges;

/// <summary>The organization's bridges with their numbers and agents, for the API and the console.</summary>
public static class BridgeQueries
{
    public static async Task<(List<BridgeDto> Page, int Count)> PageAsync(PodiumDb db, Tenant tenant, Paging paging, CancellationToken ct)
    {
        var bridges = db.Bridges.AsNoTracking();
        var count = await bridges.CountAsync(ct);
        var page = await paging.Apply(bridges.OrderByDescending(b => b.Id), pageAll: true).Loaded().ToListAsync(ct);
        return (page.ConvertAll(b => BridgeDto.From(b, tenant.Organization.DomainHandle)), count);
    }
}
