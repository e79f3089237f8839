using Podium.Server.Auth;

namespace Podium.Server.Tests.Auth;

public sealed class AccessCacheTests
{
    [Fact]
    public async Task SecondAsk_IsAnswered_FromTheCache()
    {
        using var cache = new AccessCache();
        var loads = 0;
        for (var i = 0; i < 3; i++)
            Assert.Equal("row", await cache.GetOrLoadAsync("k", _ => { loads++; return Task.FromResult("row"); }, default));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task MissingRow_IsCachedToo_UntilAWriteClearsIt()
    {
        using var cache = new AccessCache();
        var loads = 0;
        Task<string?> Load(CancellationToken _) { loads++; return Task.FromResult<string?>(null); }
        Assert.Null(await cache.GetOrLoadAsync("k", Load, default));
        Assert.Null(await cache.GetOrLoadAsync("k", Load, default));
        cache.Clear();
        Assert.Null(await cache.GetOrLoadAsync("k", Load, default));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task WriteDuringARead_ExpiresWhatTheReadLoaded()
    {
        using var cache = new AccessCache();
        var first = await cache.GetOrLoadAsync("k", _ => { cache.Clear(); return Task.FromResult("old"); }, default);
        var second = await cache.GetOrLoadAsync("k", _ => Task.FromResult("new"), default);
        Assert.Equal(("old", "new"), (first, second));
    }

    [Fact]
    public async Task Entry_ExpiresAfterItsLifetime_OnTheRealClock()
    {
        using var cache = new AccessCache();
        await cache.GetOrLoadAsync("k", _ => Task.FromResult("old"), default);
        await Task.Delay(AccessCache.Lifetime + TimeSpan.FromMilliseconds(100));
        Assert.Equal("new", await cache.GetOrLoadAsync("k", _ => Task.FromResult("new"), default));
    }
}
