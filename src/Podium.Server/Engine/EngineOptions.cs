using System.ComponentModel.DataAnnotations;

namespace Podium.Server.Engine;

/// <summary>The execution engine's settings, under <c>Engine</c>.</summary>
public sealed class EngineOptions
{
    /// <summary>False makes this process API-only; other processes on the same database do the work.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>This process's name in leases; machine, process id and a random tail by default.</summary>
    public string? NodeId { get; set; }

    /// <summary>Tasks this process runs at once.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentTasks { get; set; } = 64;

    /// <summary>How often an idle dispatcher looks for due work (new runs on this process wake it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a claim lasts without renewal; a dead process's tasks are claimed again after it.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tasks in progress at once in one space, unless the space sets its own cap.</summary>
    [Range(1, 100_000)]
    public int DefaultSpaceConcurrency { get; set; } = 50;

    /// <summary>How long a webhook agent that answered 202 has to post the result.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A placed call's grace: how long past its agent's longest call Podium waits for the provider's last
    /// event before asking the provider, and how long it waits for the end-of-call report once the call ended.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CallGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a provider's refusal to place a call for now (429, 5xx) is tried again before the attempt fails.</summary>
    [Range(0, 100)]
    public int MaxPlacementDeferrals { get; set; } = 10;

    /// <summary>On shutdown, how long running tasks may finish before their leases are released.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most of this process's slots one organization may hold, as a fraction of
    /// <see cref="MaxConcurrentTasks"/>: the rest stays free for other organizations' due work.
    /// </summary>
    [Range(0.01, 1.0)]
    public double OrganizationShare { get; set; } = 0.75;

    /// <summary>The highest <c>max_concurrency</c> a tenant may give an agent.</summary>
    [Range(1, 100_000)]
    public int MaxAgentConcurrency { get; set; } = 500;

    /// <summary>The highest <c>max_concurrency</c> a tenant may give a space.</summary>
    [Range(1, 100_000)]
    public int MaxSpaceConcurrency { get; set; } = 500;

    /// <summary>The longest <c>runtime.timeout_seconds</c> a tenant may give a webhook agent.</summary>
    [Range(1, 3600)]
    public int MaxAgentTimeoutSeconds { get; set; } = 600;

    /// <summary>The longest <c>simulation.latency_ms</c> a tenant may give a simulated agent.</summary>
    [Range(0, 3_600_000)]
    public int MaxSimulatedLatencyMs { get; set; } = 60_000;

    /// <summary>An agent's settings held to the ceilings: an agent configured before a ceiling was lowered gets no more than it allows.</summary>
    public Podium.Data.Entities.AgentSettings HeldToCeilings(Podium.Data.Entities.AgentSettings settings) => settings with
    {
        MaxConcurrency = Math.Min(settings.MaxConcurrency, MaxAgentConcurrency),
        TimeoutSeconds = Math.Min(settings.TimeoutSeconds, MaxAgentTimeoutSeconds),
        Simulation = settings.Simulation with { LatencyMs = Math.Min(settings.Simulation.LatencyMs, MaxSimulatedLatencyMs) },
    };

    /// <summary>Slots one organization may hold on this process (at least one).</summary>
    public int SlotsPerOrganization => Math.Max(1, (int)(MaxConcurrentTasks * OrganizationShare));

    public string ResolvedNodeId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    public string Node => NodeId ?? ResolvedNodeId;
}

/// <summary>Wakes this process's dispatcher when new work was just created here.</summary>
public sealed class EngineSignal
{
    private TaskCompletionSource _woken = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Wake() => Volatile.Read(ref _woken).TrySetResult();

    /// <summary>Returns when woken or when <paramref name="timeout"/> passes on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        var woken = Volatile.Read(ref _woken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(woken.Task, Task.Delay(timeout, clock, stop.Token));
        await stop.CancelAsync();
        ct.ThrowIfCancellationRequested();
        if (woken.Task.IsCompleted)
            Interlocked.CompareExchange(ref _woken, new(TaskCreationOptions.RunContinuationsAsynchronously), woken);
    }
}
