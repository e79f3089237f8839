using System.Collections.Concurrent;
using System.Data.Common;

namespace Podium.Server.Auth;

/// <summary>
/// A key's <c>last_used_at</c>, kept off the request path: a request notes its key here, and a
/// background loop writes the noted keys once a second at most, in one statement. A key's time moves
/// at most once per <see cref="Resolution"/>, so a busy key costs one write a minute, not one a request.
/// </summary>
public sealed partial class ApiKeyUsage(IServiceScopeFactory scopes, ILogger<ApiKeyUsage> logger) : BackgroundService
{
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<int, DateTime> _pending = new();
    private readonly ConcurrentDictionary<int, DateTime> _written = new();

    /// <summary>Notes a request with the key at <paramref name="now"/>; <paramref name="stored"/> is the time the database had when the key was read.</summary>
    public void Note(int keyId, DateTime? stored, DateTime now)
    {
        var last = _written.TryGetValue(keyId, out var written) && (stored is null || written > stored) ? written : stored;
        if (last is null || now - last > Resolution) _pending[keyId] = now;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Writes what was noted since the last flush.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.IsEmpty) return;
        var batch = new Dictionary<int, DateTime>();
        foreach (var id in _pending.Keys)
            if (_pending.TryRemove(id, out var at)) batch[id] = at;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PodiumDb>();
            // One time for the batch: the latest noted, within a second of each key's own.
            var at = batch.Values.Max();
            var ids = batch.Keys.ToArray();
            await db.ApiKeys.TagWith(AccessWrites.LastUsedTag).Where(k => ids.Contains(k.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, at), ct);
            foreach (var id in ids) _written[id] = at;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or OperationCanceledException)
        {
            // Not worth a retry loop: the next request with the key notes it again.
            LogFlushFailed(logger, batch.Count, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the last use of {Count} API keys failed")]
    private static partial void LogFlushFailed(ILogger logger, int count, Exception exception);
}
