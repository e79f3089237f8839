namespace Podium.Server.Engine;

/// <summary>
/// An agent's calling days and hours, applied in the recipient's own time zone: the answer to
/// "may this task start now, and if not, when next?".
/// </summary>
public static class CallingHours
{
    /// <summary>The first instant at or after <paramref name="utc"/> inside the window; UTC.</summary>
    public static DateTime NextAllowed(DateTime utc, string? timeZone, AgentSettings settings)
    {
        if (settings.CallingDays.Count == 0 && settings.CallingHours.Count == 0)
            return utc;
        var zone = Zone(timeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        // Two weeks covers any weekly window; an empty window set means "never", reported as no slot.
        for (var day = 0; day < 15; day++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(day);
            if (settings.CallingDays.Count > 0 && !settings.CallingDays.Contains(date.DayOfWeek))
                continue;
            foreach (var start in Starts(settings, date, day == 0 ? TimeOnly.FromDateTime(local) : TimeOnly.MinValue))
            {
                var candidateUtc = FirstInstant(date.ToDateTime(start), zone);
                return candidateUtc < utc ? utc : candidateUtc;
            }
        }
        return DateTime.MaxValue;
    }

    public static bool IsAllowed(DateTime utc, string? timeZone, AgentSettings settings) =>
        NextAllowed(utc, timeZone, settings) <= utc;

    /// <summary>Start times on one day at or after <paramref name="from"/>: "now" inside a range, else each later range start.</summary>
    private static IEnumerable<TimeOnly> Starts(AgentSettings settings, DateOnly date, TimeOnly from)
    {
        if (settings.CallingHours.Count == 0)
        {
            yield return from;
            yield break;
        }
        foreach (var range in settings.CallingHours.OrderBy(r => r.Start))
        {
            if (from >= range.Start && from < range.End) yield return from;
            else if (from < range.Start) yield return range.Start;
        }
    }

    /// <summary>
    /// The first instant a local time names. A time the clocks skip (spring forward) is taken an hour
    /// on; a time they pass twice (fall back) is its first passing, the daylight one, where
    /// <see cref="TimeZoneInfo.ConvertTimeToUtc(DateTime, TimeZoneInfo)"/> would take the second.
    /// </summary>
    private static DateTime FirstInstant(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        if (!zone.IsAmbiguousTime(local)) return TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc);
    }

    private static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
