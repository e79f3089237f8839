using System.Globalization;
using Podium.Data.Entities;
using Podium.Server.Engine;

namespace Podium.Server.Tests.Engine;

/// <summary>
/// When a task may start, in its recipient's time zone. Days are numbers (0 Sunday ... 6 Saturday),
/// ranges are "HH:mm-HH:mm" separated by ";"; times are UTC. New York changes its clocks on 8 March
/// 2026 (02:00 EST becomes 03:00 EDT) and 1 November 2026 (02:00 EDT becomes 01:00 EST).
/// </summary>
public sealed class CallingHoursTests
{
    private const string NewYork = "America/New_York";

    [Theory]
    // No window: now.
    [InlineData("", "", NewYork, "2026-12-02T03:00Z", "2026-12-02T03:00Z")]
    // Weekdays 09:00-17:00 in New York (EST, UTC-5 in December).
    [InlineData("1,2,3,4,5", "09:00-17:00", NewYork, "2026-12-02T15:00Z", "2026-12-02T15:00Z")]
    [InlineData("1,2,3,4,5", "09:00-17:00", NewYork, "2026-12-02T12:00Z", "2026-12-02T14:00Z")]
    [InlineData("1,2,3,4,5", "09:00-17:00", NewYork, "2026-12-02T21:59Z", "2026-12-02T21:59Z")]
    [InlineData("1,2,3,4,5", "09:00-17:00", NewYork, "2026-12-02T22:00Z", "2026-12-03T14:00Z")]
    [InlineData("1,2,3,4,5", "09:00-17:00", NewYork, "2026-12-05T12:00Z", "2026-12-07T14:00Z")]
    // Friday evening in New York is already Saturday in UTC: the recipient's day counts.
    [InlineData("6", "", NewYork, "2026-12-05T02:00Z", "2026-12-05T05:00Z")]
    // Two ranges: the gap between them waits for the second.
    [InlineData("", "09:00-12:00;14:00-17:00", NewYork, "2026-12-02T17:30Z", "2026-12-02T19:00Z")]
    [InlineData("", "14:00-17:00;09:00-12:00", NewYork, "2026-12-02T13:00Z", "2026-12-02T14:00Z")]
    // Days without hours: from the start of the next allowed day.
    [InlineData("0", "", NewYork, "2026-12-02T15:00Z", "2026-12-06T05:00Z")]
    // Spring forward: 02:30 never happens on 8 March; the window opens at 03:30 EDT, an hour on.
    [InlineData("", "02:30-04:00", NewYork, "2026-03-08T05:00Z", "2026-03-08T07:30Z")]
    // The day after, 02:30 EDT is an ordinary time.
    [InlineData("", "02:30-04:00", NewYork, "2026-03-09T05:00Z", "2026-03-09T06:30Z")]
    // Fall back: 01:30 happens twice on 1 November; the window opens at its first passing (EDT).
    [InlineData("", "01:30-03:00", NewYork, "2026-11-01T04:00Z", "2026-11-01T05:30Z")]
    // Inside the window during the repeated hour's second passing (01:45 EST): now.
    [InlineData("", "01:30-03:00", NewYork, "2026-11-01T06:45Z", "2026-11-01T06:45Z")]
    // A zone without daylight saving and a half-hour offset (IST, UTC+5:30).
    [InlineData("", "09:00-17:00", "Asia/Kolkata", "2026-12-02T03:00Z", "2026-12-02T03:30Z")]
    // No zone, or one the system does not know: UTC.
    [InlineData("", "09:00-17:00", null, "2026-12-02T08:00Z", "2026-12-02T09:00Z")]
    [InlineData("", "09:00-17:00", "Mars/Olympus_Mons", "2026-12-02T08:00Z", "2026-12-02T09:00Z")]
    public void NextAllowed(string days, string ranges, string? zone, string now, string expected)
    {
        var settings = Settings(days, ranges);
        var allowed = CallingHours.NextAllowed(Utc(now), zone, settings);
        Assert.Equal(Utc(expected), allowed);
        Assert.Equal(DateTimeKind.Utc, allowed.Kind);
        Assert.Equal(allowed == Utc(now), CallingHours.IsAllowed(Utc(now), zone, settings));
    }

    private static AgentSettings Settings(string days, string ranges) => new()
    {
        CallingDays = days.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => (DayOfWeek)int.Parse(d, CultureInfo.InvariantCulture)).ToList(),
        CallingHours = ranges.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split('-'))
            .Select(r => new TimeRange(TimeOnly.ParseExact(r[0], "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(r[1], "HH:mm", CultureInfo.InvariantCulture)))
            .ToList(),
    };

    private static DateTime Utc(string value) =>
        DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
