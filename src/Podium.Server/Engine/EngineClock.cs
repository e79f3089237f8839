namespace Podium.Server.Engine;

public static class EngineClock
{
    /// <summary>
    /// The current UTC time cut to whole microseconds, the precision PostgreSQL keeps, so a
    /// timestamp written by the engine compares equal when it is read back.
    /// </summary>
    public static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % 10));
    }
}
