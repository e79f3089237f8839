namespace Podium.Server.Features.Telephony.Trunks;

public static class DetachTrunkNumbers
{
    /// <summary>Numbers leave the trunk (they stay in the inventory and on their bridge); one not on it says so.</summary>
    public static async Task<Outcome<TrunkDetachResultDto>> RunAsync(int id, TrunkNumbersRequest request, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var db = context.Db;
        if (!await db.SipTrunks.AnyAsync(t => t.Id == id, ct)) return TrunkRules.NotFound;
        var ids = request.NumberIds!.Distinct().ToList();
        var numbers = await db.PhoneNumbers.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var now = context.Now;
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
        context.Record("trunk", "detach_numbers", id, request);
        await db.SaveChangesAsync(ct);
        return new TrunkDetachResultDto(id, results, $"{results.Count(r => r.Ok)} of {results.Count} number(s) detached.");
    }
}
