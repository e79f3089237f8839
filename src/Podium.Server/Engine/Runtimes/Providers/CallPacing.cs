namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>
/// A provider account's limits, as the claim sees them: calls in flight (attempts not finished) against
/// <c>max_concurrent_calls</c>, and dial times spaced a tenth more than <c>1/calls_per_second</c> apart
/// after the last one booked. Claims are serialized across processes, so the limits hold for the whole cluster; each attempt
/// waits for its dial time before the provider is asked.
/// </summary>
public sealed class CallPacing
{
    /// <summary>How far work held back by a limit is moved out of the way before it is considered again.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<int, Account> _accounts;

    private CallPacing(Dictionary<int, Account> accounts) => _accounts = accounts;

    private sealed class Account(int? maxInFlight, TimeSpan? interval, DateTime nextSlot)
    {
        public int InFlight { get; set; }

        /// <summary>The next moment a call may be dialled: calls of a paced account are spaced <c>1/rate</c> apart.</summary>
        public DateTime NextSlot { get; set; } = nextSlot;

        public DateTime? TryTake(DateTime now)
        {
            if (InFlight >= maxInFlight) return null;
            var slot = interval is null || NextSlot < now ? now : NextSlot;
            // Book no further ahead than the horizon: later slots go to whichever process claims then.
            if (slot > now + Horizon) return null;
            InFlight++;
            if (interval is { } step) NextSlot = slot + step;
            return slot;
        }
    }

    /// <summary>How far ahead a claim may book dial times.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromSeconds(1);

    public static async Task<CallPacing> LoadAsync(PodiumDb db, IEnumerable<int?> configurationIds, DateTime now, CancellationToken ct)
    {
        var ids = configurationIds.OfType<int>().Distinct().ToList();
        var accounts = new Dictionary<int, Account>();
        if (ids.Count == 0) return new CallPacing(accounts);
        var limits = await db.ProviderConfigurations.IgnoreQueryFilters()
            .Where(c => ids.Contains(c.Id) && (c.MaxConcurrentCalls != null || c.CallsPerSecond != null))
            .Select(c => new { c.Id, c.MaxConcurrentCalls, c.CallsPerSecond })
            .ToListAsync(ct);
        foreach (var limit in limits)
        {
            var attempts = db.TaskAttempts.IgnoreQueryFilters().Where(a => a.ProviderConfigurationId == limit.Id);
            var inFlight = limit.MaxConcurrentCalls is null ? 0 : await attempts.CountAsync(a => a.FinishedAt == null, ct);
            // A tenth wider than 1/rate: a call that leaves a little late must not put one second over the limit at the provider.
            TimeSpan? interval = limit.CallsPerSecond is { } rate ? TimeSpan.FromSeconds(1.1 / rate) : null;
            var last = interval is null ? null : await attempts.MaxAsync(a => (DateTime?)a.StartedAt, ct);
            accounts[limit.Id] = new Account(limit.MaxConcurrentCalls, interval, last is { } at ? at + interval!.Value : now) { InFlight = inFlight };
        }
        return new CallPacing(accounts);
    }

    /// <summary>Takes one call of the account's allowance: the moment it may be dialled, or null when it has none left now.</summary>
    public DateTime? TryTake(int? configurationId, DateTime now) =>
        configurationId is not { } id || !_accounts.TryGetValue(id, out var account) ? now : account.TryTake(now);
}
