namespace Podium.Server.Tests.Infrastructure;

/// <summary>Waits on the real clock for something the server does in its own time.</summary>
public static class Eventually
{
    public static Task WaitAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        WaitAsync(() => Task.FromResult(condition()), what, within);

    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromMinutes(3));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited too long for {what}.");
            await Task.Delay(50);
        }
    }
}
