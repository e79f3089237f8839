using Podium.Server.Features.Documents;

namespace Podium.Server.Features.Runs;

/// <summary>What creating a run needs: the space, the request, and the client's idempotency key if it sent one.</summary>
public sealed record CreateRunCommand(string SpaceToken, CreateTaskRequest Request, string? IdempotencyKey = null);

/// <summary>A created run, or the first answer to the same key and body, replayed.</summary>
public sealed record CreatedRun(CreatedRunDto Run, bool Replayed);

/// <summary>
/// Creates a run of one task per document (those sent, or those of the space's collection that
/// match the filters) in one transaction with its audit entry and its <c>run.created</c> event,
/// then wakes this process's engine.
/// </summary>
public static class CreateRun
{
    public static async Task<Outcome<CreatedRun>> RunAsync(CreateRunCommand command, OperationContext context, CollectionWriter writer, CancellationToken ct)
    {
        var (token, request, key) = command;
        if (key is { Length: 0 or > Idempotency.MaxKeyLength })
            return Api.Validation(Idempotency.Header, $"Must be 1 to {Idempotency.MaxKeyLength} characters.");
        if (context.Refusal(request) is { } invalid) return invalid;
        if (await context.Db.Spaces.AsNoTracking().FirstOrDefaultAsync(s => s.Token == token, ct) is not { } space) return Api.SpaceNotFound;

        // Hashing a 10,000-document body costs; only a keyed request needs it.
        var fingerprint = key is null ? [] : Idempotency.Fingerprint(context.Json, token, request);
        var created = await TaskCreation.CreateAsync(context, writer, space, request, key, fingerprint, run => context.Record("run", "created", run.RunId, request), ct);
        if (created.Error is not null) return created.Error;
        var (run, replayed) = created.Value;
        if (!replayed) context.Engine.Wake();
        return new CreatedRun(run, replayed);
    }
}
