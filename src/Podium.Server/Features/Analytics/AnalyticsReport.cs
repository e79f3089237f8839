using Podium.Server.Features.Billing;
using Podium.Server.Features.CallLogs;

namespace Podium.Server.Features.Analytics;

/// <summary>The organization's call analytics, for the API and the console.</summary>
public static class AnalyticsReport
{
    private const string Contact = "contact";

    /// <summary>
    /// Counts over the call tasks of the contact spaces the caller can see (or of one, with
    /// <c>space_token</c>), each a grouped query in the database.
    /// </summary>
    public static async Task<Outcome<AnalyticsDto>> ReadAsync(PodiumDb db, string? spaceToken, BillingOptions billing, CancellationToken ct)
    {
        var spaces = db.Spaces.AsNoTracking();
        if (spaceToken is not null)
        {
            if (await spaces.Where(s => s.Token == spaceToken).Select(s => new { s.ContentType }).FirstOrDefaultAsync(ct) is not { } space) return Api.SpaceNotFound;
            if (space.ContentType != Contact)
                return Api.Validation("space_token", $"Analytics cover contact spaces; this space's content_type is {space.ContentType}.");
            spaces = spaces.Where(s => s.Token == spaceToken);
        }
        var spaceIds = spaces.Where(s => s.ContentType == Contact).Select(s => s.Id);
        var tasks = db.Tasks.AsNoTracking().Where(t => t.ExecutionType == ExecutionType.Call && spaceIds.Contains(t.SpaceId));

        var byStatus = await tasks.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var byDisposition = await tasks.Where(t => t.Status == TaskStatus.Completed)
            .GroupBy(t => t.Disposition).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var unreached = await tasks.Where(t => t.Status == TaskStatus.Failed)
            .GroupBy(t => CallOutcomes.Unreached.Contains(t.Outcome)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var score = await tasks.Where(t => t.SuccessScore != null).AverageAsync(t => (double?)t.SuccessScore, ct);

        var calls = CallLogEndpoints.Calls(db).Where(a => tasks.Any(t => t.Id == a.TaskId));
        var callTotals = await calls.GroupBy(a => a.Outcome == CallOutcomes.Completed)
            .Select(g => new { Answered = g.Key, Count = g.Count(), Seconds = g.Sum(a => (long)(a.DurationSeconds ?? 0)), Micros = g.Sum(a => a.CostMicros) })
            .ToListAsync(ct);

        int Status(TaskStatus s) => byStatus.GetValueOrDefault(s);
        int Disposition(string d) => byDisposition.Where(x => x.Key == d).Sum(x => x.Count);
        var answered = callTotals.Where(c => c.Answered).Sum(c => c.Count);
        var answeredSeconds = callTotals.Where(c => c.Answered).Sum(c => c.Seconds);
        var totalCalls = callTotals.Sum(c => c.Count);
        var totalTasks = byStatus.Values.Sum();
        var pending = Status(TaskStatus.Pending) + Status(TaskStatus.Scheduled);

        return new AnalyticsDto(
            new CallAnalytics(totalCalls, Disposition("interested"), Disposition("call_back"), Disposition("send_details"), Disposition("not_interested"),
                unreached.Where(u => u.Key).Sum(u => u.Count), unreached.Where(u => !u.Key).Sum(u => u.Count), Math.Round((decimal)(score ?? 0), 2)),
            new CallStatus(totalTasks, Status(TaskStatus.Completed), Status(TaskStatus.Failed), pending, Status(TaskStatus.InProgress), Status(TaskStatus.Cancelled),
                totalTasks == 0 ? 0 : Math.Round(100m * Status(TaskStatus.Completed) / totalTasks, 2)),
            totalCalls, answered, totalCalls - answered,
            answered == 0 ? 0 : Math.Round((decimal)answeredSeconds / answered, 2),
            callTotals.Sum(c => c.Seconds),
            totalTasks,
            new TaskStatusBreakdown(pending, Status(TaskStatus.InProgress), Status(TaskStatus.Completed), Status(TaskStatus.Failed), Status(TaskStatus.Cancelled)),
            BillingEndpoints.Money(BillingEndpoints.Round(callTotals.Sum(c => c.Micros))),
            billing.Currency,
            spaceToken);
    }
}
