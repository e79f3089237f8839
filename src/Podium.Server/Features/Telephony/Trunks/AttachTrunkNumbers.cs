namespace Podium.Server.Features.Telephony.Trunks;

/// <summary>
/// Which of the organization's numbers are held with a trunk. Each number gets its own result; a number
/// of another trunk, or not in the inventory, is refused alone and the rest go ahead.
/// </summary>
public static class AttachTrunkNumbers
{
    /// <summary>201 when at least one number is now on the trunk; 400 with each number's reason when none is.</summary>
    public static async Task<Outcome<TrunkAttachResultDto>> RunAsync(int id, TrunkNumbersRequest request, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var db = context.Db;
        if (await db.SipTrunks.FirstOrDefaultAsync(t => t.Id == id, ct) is not { } trunk) return TrunkRules.NotFound;
        Bridge? bridge = null;
        if (request.BridgeSlug is { } slug && (bridge = await db.Bridges.FirstOrDefaultAsync(b => b.Slug == slug, ct)) is null)
            return Api.Validation("bridge_slug", "No bridge with this slug in the organization.");

        var ids = request.NumberIds!.Distinct().ToList();
        var numbers = await db.PhoneNumbers.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var now = context.Now;
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
        context.Record("trunk", "attach_numbers", id, request);
        await db.SaveChangesAsync(ct);

        var dids = await db.PhoneNumbers.AsNoTracking().Where(n => n.SipTrunkId == id).OrderBy(n => n.Number).Select(n => n.Number).ToListAsync(ct);
        var origin = new OriginEndpointDto("", dids, trunk.AllowedIps.Split(',', StringSplitOptions.RemoveEmptyEntries), trunk.Region);
        return new TrunkAttachResultDto(id, origin, results, $"{results.Count(r => r.Ok)} of {results.Count} number(s) attached.");
    }
}
