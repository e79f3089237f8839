namespace Podium.Server.Events;

/// <summary>
/// The objects events carry, read by the features that own them (a run's and a task's API object), so the
/// outbox depends on no feature. Reads run through the tenant filters the outbox sets.
/// </summary>
public interface IEventSubjects
{
    /// <summary>The run's current object.</summary>
    Task<object> RunAsync(long runId, CancellationToken ct);

    /// <summary>The tasks' current objects, each with its status (which decides the events it raises).</summary>
    Task<IReadOnlyList<(object Subject, TaskStatus Status)>> TasksAsync(IReadOnlyCollection<long> taskIds, CancellationToken ct);
}
