using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Podium.Server.Auth;

/// <summary>
/// What the API asks on every request and what rarely changes: a key's owner and validity, a member's
/// role and hidden spaces in an organization, the organization a space or agent belongs to. An entry
/// lives <see cref="Lifetime"/> at most, on the real clock, so a revocation, a removed member or a new
/// role written by another server process holds here within that time. A change this process writes
/// drops every entry at once (<see cref="AccessWrites"/>).
/// </summary>
public sealed class AccessCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    /// <summary>Bounds the memory a flood of unknown keys or handles can take.</summary>
    public const int MaxEntries = 100_000;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private CancellationTokenSource _generation = new();

    /// <summary>The cached answer for <paramref name="key"/>, or <paramref name="load"/>'s (null answers too: a miss is cached like a hit).</summary>
    public async ValueTask<T> GetOrLoadAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        if (_entries.TryGetValue(key, out T? hit)) return hit!;
        // Taken before the read: a change written while the read runs expires what it read.
        var generation = Volatile.Read(ref _generation).Token;
        var value = await load(ct);
        using var entry = _entries.CreateEntry(key);
        entry.Value = value;
        entry.Size = 1;
        entry.AbsoluteExpirationRelativeToNow = Lifetime;
        entry.AddExpirationToken(new CancellationChangeToken(generation));
        return value;
    }

    /// <summary>Drops every entry: something they were read from has changed.</summary>
    public void Clear()
    {
        // The old source is not disposed: a read in flight may still take its token.
        Interlocked.Exchange(ref _generation, new CancellationTokenSource()).Cancel();
    }

    public void Dispose() => _entries.Dispose();
}
