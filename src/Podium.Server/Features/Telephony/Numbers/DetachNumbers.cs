namespace Podium.Server.Features.Telephony.Numbers;

/// <summary>Numbers leave their bridges; each is answered alone.</summary>
public static class DetachNumbers
{
    /// <summary>Each number leaves its bridge (it stays in the inventory); one on no bridge says so.</summary>
    public static async Task<Outcome<DetachNumbersResultDto>> RunAsync(DetachNumbersRequest request, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var (db, tenant, now) = (context.Db, context.Tenant, context.Now);
        var found = await NumberRules.FindAsync(db, tenant, request.Numbers!, ct);
        var bridges = found.Select(f => f.Number?.BridgeId).OfType<int>().Distinct().ToList();
        var handles = (await db.Agents.AsNoTracking().Where(a => a.BridgeId != null && bridges.Contains(a.BridgeId.Value))
                .OrderBy(a => a.Id).Select(a => new { Bridge = a.BridgeId!.Value, a.Handle }).ToListAsync(ct))
            .GroupBy(a => a.Bridge).ToDictionary(g => g.Key, g => g.First().Handle);
        var results = found.ConvertAll(f =>
        {
            if (f.Number is not { } number) return NumberRules.NotInInventory(f.Text, tenant);
            if (number.BridgeId is not { } bridge) return NumberRules.Refused(number.Number, number.Id, "The number is not attached.");
            number.BridgeId = null;
            number.ModifiedAt = now;
            return new NumberResultDto(number.Id, number.Number, NumberLink.NotLinked, handles.GetValueOrDefault(bridge), true);
        });
        context.Record("number", "detach", null, request);
        await db.SaveChangesAsync(ct);
        return new DetachNumbersResultDto(results, $"{results.Count(r => r.Ok)} of {results.Count} number(s) detached.");
    }
}
