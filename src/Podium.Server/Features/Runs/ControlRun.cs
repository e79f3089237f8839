namespace Podium.Server.Features.Runs;

/// <summary>Cancel, pause, resume or retry one run of a space.</summary>
public sealed record ControlRunCommand(string SpaceToken, string RunId, string Action);

/// <summary>
/// Applies a control action (see <see cref="RunControl"/>) with its events and its audit entry in one
/// transaction, wakes this process's engine, and gives the run as it is afterwards.
/// </summary>
public static class ControlRun
{
    public static readonly ApiError RunNotFound = Api.NotFound("Run not found");

    public static async Task<Outcome<RunDto>> RunAsync(ControlRunCommand command, OperationContext context, CancellationToken ct)
    {
        var (token, runId, action) = command;
        if (!RunControl.Actions.Contains(action))
            return Api.Validation("action", $"Use one of: {string.Join(", ", RunControl.Actions)}.");
        var db = context.Db;
        if (await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.PublicId == runId && r.Space.Token == token, ct) is not { } run) return RunNotFound;

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (await RunControl.ApplyAsync(db, context.Events, run, action, context.Now, ct) is { } conflict) return conflict;
            context.Record("run", action, runId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        context.Engine.Wake();
        return await RunQueries.ReadOneAsync(db, run.Id, ct);
    }
}
