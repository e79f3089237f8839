namespace Podium.Server.Features.Trunks;

/// <summary>
/// Which of the organization's numbers are held with a trunk. Each number gets its own result; a number
/// of another trunk, or not in the inventory, is refused alone and the rest go ahead.
/// </summary>
public static class TrunkNumbers
{
    /// <summary>201 when at least one number is now on the trunk; 400 with each number's reason when none is.</summary>
    public static async Task<Results<ApiResponse<TrunkAttachResultDto>, ApiError>> Attach(
        int id, TrunkNumbersRequest request, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var trunk = await db.SipTrunks.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (trunk is null) return TrunkEndpoints.NotFound;
        Bridge? bridge = null;
        if (request.BridgeSlug is { } slug && (bridge = await db.Bridges.FirstOrDefaultAsync(b => b.Slug == slug, ct)) is null)
            return Api.Validation("bridge_slug", "No bridge with this slug in the organization.");

        var ids = request.NumberIds!.Distinct().ToList();
        var numbers = await db.PhoneNumbers.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var results = new List<TrunkNumberResultDto>(ids.Count);
        foreach (var numberId in ids)
        {
            if (!numbers.TryGetValue(numberId, out var number))
                results.Add(new TrunkNumberResultDto(numberId, null, false, "No number with this id in the organization."));
            else if (number.SipTrunkId is { } other && other != id)
                results.Add(new TrunkNumberResultDto(numberId, number.Number, false, "The number is held with another trunk; detach it there first."));
            else if (bridge is not null && number.BridgeId is { } onBridge && onBridge != bridge.Id)
                results.Add(new TrunkNumberResultDto(numberId, number.Number, false, "The number is connected to another bridge; disconnect it there first."));
            else
            {
                number.SipTrunkId = id;
                if (bridge is not null) number.BridgeId = bridge.Id;
                number.ModifiedAt = now;
                results.Add(new TrunkNumberResultDto(numberId, number.Number, true));
            }
        }
        if (!results.Exists(r => r.Ok))
            return Api.Validation(results.Select((r, i) => (r, i)).ToDictionary(x => $"number_ids[{x.i}]", x => new[] { x.r.Error! }));
        if (request.Region is { } region) trunk.Region = region.ToUpperInvariant();
        trunk.ModifiedAt = now;
        await db.SaveChangesAsync(ct);

        var dids = await db.PhoneNumbers.AsNoTracking().Where(n => n.SipTrunkId == id).OrderBy(n => n.Number).Select(n => n.Number).ToListAsync(ct);
        var origin = new OriginEndpointDto("", dids, trunk.AllowedIps.Split(',', StringSplitOptions.RemoveEmptyEntries), trunk.Region);
        return Api.Created("Numbers attached to trunk.", new TrunkAttachResultDto(id, origin, results, $"{results.Count(r => r.Ok)} of {results.Count} number(s) attached."));
    }

    /// <summary>Numbers leave the trunk (they stay in the inventory and on their bridge); one not on it says so.</summary>
    public static async Task<Results<ApiResponse<TrunkDetachResultDto>, ApiError>> Detach(
        int id, TrunkNumbersRequest request, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.SipTrunks.AnyAsync(t => t.Id == id, ct)) return TrunkEndpoints.NotFound;
        var ids = request.NumberIds!.Distinct().ToList();
        var numbers = await db.PhoneNumbers.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var results = ids.ConvertAll(numberId =>
        {
            if (!numbers.TryGetValue(numberId, out var number))
                return new TrunkNumberResultDto(numberId, null, false, "No number with this id in the organization.");
            if (number.SipTrunkId != id)
                return new TrunkNumberResultDto(numberId, number.Number, false, "The number is not held with this trunk.");
            number.SipTrunkId = null;
            number.ModifiedAt = now;
            return new TrunkNumberResultDto(numberId, number.Number, true);
        });
        await db.SaveChangesAsync(ct);
        return Api.Ok("Numbers detached from trunk.", new TrunkDetachResultDto(id, results, $"{results.Count(r => r.Ok)} of {results.Count} number(s) detached."));
    }
}
