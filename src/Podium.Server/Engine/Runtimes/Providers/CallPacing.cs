using Microsoft.EntityFrameworkCore;
using Podium.Data;

namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>
/// A provider account's limits, as the claim sees them: calls in flight (attempts not finished) against
/// <c>max_concurrent_calls</c>, and calls started in the last window against <c>calls_per_second</c>.
/// Claims are serialized across processes, so the limits hold for the whole cluster.
/// </summary>
public sealed class CallPacing
{
    /// <summary>How far work held back by a limit is moved out of the way before it is considered again.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<int, Account> _accounts;

    private CallPacing(Dictionary<int, Account> accounts) => _accounts = accounts;

    private sealed class Account(int? maxInFlight, int maxPerWindow)
    {
        public int InFlight { get; set; }
        public int InWindow { get; set; }

        public bool TryTake()
        {
            if (InFlight >= maxInFlight || InWindow >= maxPerWindow) return false;
            InFlight++;
            InWindow++;
            return true;
        }
    }

    /// <summary>The window a rate is counted over: one second, or one call's share of time when the rate is below one per second.</summary>
    public static TimeSpan Window(double callsPerSecond) => TimeSpan.FromSeconds(Math.Max(1, 1 / callsPerSecond));

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
            var perWindow = int.MaxValue;
            var inWindow = 0;
            if (limit.CallsPerSecond is { } rate)
            {
                var window = Window(rate);
                perWindow = Math.Max(1, (int)Math.Floor(rate * window.TotalSeconds));
                var since = now - window;
                inWindow = await attempts.CountAsync(a => a.StartedAt > since, ct);
            }
            accounts[limit.Id] = new Account(limit.MaxConcurrentCalls, perWindow) { InFlight = inFlight, InWindow = inWindow };
        }
        return new CallPacing(accounts);
    }

    /// <summary>Takes one call of the account's allowance; false when it has none left now.</summary>
    public bool TryTake(int? configurationId) =>
        configurationId is not { } id || !_accounts.TryGetValue(id, out var account) || account.TryTake();
}
