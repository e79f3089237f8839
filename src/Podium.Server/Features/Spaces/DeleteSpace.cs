namespace Podium.Server.Features.Spaces;

/// <summary>Deletes a space softly: it and everything in it disappear from every answer.</summary>
public static class DeleteSpace
{
    public static async Task<ApiError?> RunAsync(string spaceToken, OperationContext context, CancellationToken ct)
    {
        var db = context.Db;
        var now = context.Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = await db.Spaces.Where(s => s.Token == spaceToken)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DeletedAt, now).SetProperty(x => x.ModifiedAt, now), ct);
        if (deleted == 0) return Api.SpaceNotFound;
        context.Record("space", "deleted", spaceToken);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
