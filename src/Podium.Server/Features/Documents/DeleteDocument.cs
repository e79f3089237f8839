namespace Podium.Server.Features.Documents;

/// <summary>Removes a document from a space's collection; tasks already made from it keep their input.</summary>
public static class DeleteDocument
{
    public static readonly ApiError NotFound = Api.NotFound("Document not found");

    public static async Task<ApiError?> RunAsync(string spaceToken, string documentId, OperationContext context, CancellationToken ct)
    {
        var db = context.Db;
        if (await db.Spaces.Where(s => s.Token == spaceToken).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct) is not { } spaceId) return Api.SpaceNotFound;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = await db.Documents.Where(d => d.SpaceId == spaceId && d.DocumentId == documentId).ExecuteDeleteAsync(ct);
        if (deleted == 0) return NotFound;
        context.Record("document", "deleted", documentId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
