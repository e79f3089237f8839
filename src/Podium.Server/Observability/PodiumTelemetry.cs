using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Podium.Server.Observability;

/// <summary>
/// The engine's own traces and metrics. Counters move as work happens; the queue depth is read
/// from the database when a scrape asks for it.
/// </summary>
public sealed class PodiumTelemetry : IDisposable
{
    public const string Name = "Podium.Engine";
    public static readonly ActivitySource Activities = new(Name);

    private readonly Meter _meter;

    public PodiumTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        Claimed = _meter.CreateCounter<long>("podium.engine.tasks.claimed", "{task}", "Tasks claimed for an attempt.");
        Finished = _meter.CreateCounter<long>("podium.engine.attempts.finished", "{attempt}", "Attempts that finished, by outcome (completed, voicemail, busy, no_answer, failed).");
        Completed = _meter.CreateCounter<long>("podium.engine.tasks.completed", "{task}", "Tasks that reached completed.");
        Failed = _meter.CreateCounter<long>("podium.engine.tasks.failed", "{task}", "Tasks that failed for good.");
        Retried = _meter.CreateCounter<long>("podium.engine.tasks.retried", "{task}", "Failed attempts scheduled to run again.");
        Reclaimed = _meter.CreateCounter<long>("podium.engine.leases.reclaimed", "{task}", "Tasks taken over after their process's lease expired.");
        WebhookFailures = _meter.CreateCounter<long>("podium.webhooks.delivery.failures", "{delivery}", "Webhook deliveries that failed (each failed try).");
        AttemptDuration = _meter.CreateHistogram<double>("podium.engine.attempt.duration", "s", "Wall time of one attempt inside Podium.");
    }

    public Counter<long> Claimed { get; }
    public Counter<long> Finished { get; }
    public Counter<long> Completed { get; }
    public Counter<long> Failed { get; }
    public Counter<long> Retried { get; }
    public Counter<long> Reclaimed { get; }
    public Counter<long> WebhookFailures { get; }
    public Histogram<double> AttemptDuration { get; }

    /// <summary>Registers the queue-depth gauge; <paramref name="depth"/> counts due tasks waiting to be claimed.</summary>
    public void ObserveQueue(Func<long> depth) =>
        _meter.CreateObservableGauge("podium.engine.queue.depth", depth, "{task}", "Tasks due now and waiting for a slot.");

    public void Dispose() => _meter.Dispose();
}
