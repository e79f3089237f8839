namespace Podium.Server.Features.Telephony.Trunks;

/// <summary>What the trunk operations share: their refusals and how a trunk is shown with its numbers.</summary>
public static class TrunkRules
{
    public static readonly ApiError NotFound = Api.NotFound("Trunk not found");
    public static readonly ApiError NameTaken = Api.Conflict("A trunk with this name already exists in the organization.");

    public static async Task<TrunkDto?> ReadAsync(PodiumDb db, int id, CancellationToken ct)
    {
        var trunk = await db.SipTrunks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return trunk is null ? null : TrunkDto.From(trunk, (await NumbersAsync(db, [id], ct)).GetValueOrDefault(id, []));
    }

    public static async Task<Dictionary<int, List<string>>> NumbersAsync(PodiumDb db, List<int> trunkIds, CancellationToken ct) =>
        (await db.PhoneNumbers.AsNoTracking().Where(n => n.SipTrunkId != null && trunkIds.Contains(n.SipTrunkId.Value))
            .OrderBy(n => n.Number).Select(n => new { Trunk = n.SipTrunkId!.Value, n.Number }).ToListAsync(ct))
        .GroupBy(n => n.Trunk).ToDictionary(g => g.Key, g => g.Select(n => n.Number).ToList());
}
