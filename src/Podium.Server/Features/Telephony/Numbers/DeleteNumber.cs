namespace Podium.Server.Features.Telephony.Numbers;

/// <summary>Takes a number out of the inventory; refused while it is on a bridge unless forced, which disconnects it first.</summary>
public static class DeleteNumber
{
    public static async Task<ApiError?> RunAsync(int id, bool force, OperationContext context, CancellationToken ct)
    {
        if (await context.Db.PhoneNumbers.Include(n => n.Bridge).FirstOrDefaultAsync(n => n.Id == id, ct) is not { } number) return NumberRules.NotFound;
        if (number.Bridge is { } bridge && !force)
            return Api.Conflict($"The number is connected to bridge \"{bridge.Slug}\". Disconnect it first, or pass ?force=true.");
        context.Db.PhoneNumbers.Remove(number);
        context.Record("number", "deleted", id);
        await context.Db.SaveChangesAsync(ct);
        return null;
    }
}
