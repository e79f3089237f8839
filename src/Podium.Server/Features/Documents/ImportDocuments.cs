namespace Podium.Server.Features.Documents;

/// <summary>Rows for a space's collection, and whether nothing is kept unless every row is valid.</summary>
public sealed record ImportDocumentsCommand(string SpaceToken, DocumentUpload Upload, bool Atomic = false);

/// <summary>
/// Imports documents into a space's collection (see <see cref="DocumentImport"/>): valid rows are kept,
/// bad ones reported by row. Audited as <c>document.imported</c> once the rows are stored.
/// </summary>
public static class ImportDocuments
{
    public static async Task<Outcome<ImportResultDto>> RunAsync(
        ImportDocumentsCommand command, OperationContext context, DocumentImport import, CancellationToken ct)
    {
        if (await context.Db.Spaces.AsNoTracking().FirstOrDefaultAsync(s => s.Token == command.SpaceToken, ct) is not { } space) return Api.SpaceNotFound;
        var imported = await import.RunAsync(command.Upload, context.Tenant, space, command.Atomic, ct);
        if (imported.Error is not null) return imported.Error;
        // The import commits its batches as it goes; its entry follows the last of them.
        context.Record("document", "imported", command.SpaceToken);
        await context.Db.SaveChangesAsync(ct);
        return imported;
    }
}
