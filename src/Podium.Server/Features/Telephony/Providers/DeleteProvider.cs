namespace Podium.Server.Features.Telephony.Providers;

/// <summary>Refused while numbers use the configuration, unless forced, which deletes them with it.</summary>
public static class DeleteProvider
{
    public static async Task<ApiError?> RunAsync(int id, bool force, OperationContext context, CancellationToken ct)
    {
        var db = context.Db;
        if (await db.ProviderConfigurations.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } configuration) return ProviderRules.NotFound;
        var numbers = db.PhoneNumbers.Where(n => n.ProviderConfigurationId == id);
        var inUse = await numbers.CountAsync(ct);
        if (inUse > 0 && !force)
            return Api.Conflict($"{inUse} phone number(s) use this provider configuration. Delete them first, or pass ?force=true to delete them with it.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await numbers.ExecuteDeleteAsync(ct);
        db.ProviderConfigurations.Remove(configuration);
        context.Record("provider", "deleted", id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
