using Podium.Server.Events;
using Podium.Server.Features.Tasks;

namespace Podium.Server.Features.Runs;

/// <summary>Events carry the same run and task objects the API answers.</summary>
public sealed class RunEventSubjects(PodiumDb db) : IEventSubjects
{
    public async Task<object> RunAsync(long runId, CancellationToken ct) => await RunQueries.ReadOneAsync(db, runId, ct);

    public async Task<IReadOnlyList<(object Subject, TaskStatus Status)>> TasksAsync(IReadOnlyCollection<long> taskIds, CancellationToken ct) =>
        (await TaskQueries.ReadAsync(db, db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)), ct)).ConvertAll(t => ((object)t, t.Status));
}
