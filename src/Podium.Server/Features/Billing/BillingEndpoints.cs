namespace Podium.Server.Features.Billing;

/// <summary>
/// One month of usage. Both doc generations' invoice fields; amounts are decimal strings with two
/// places. <c>status</c> is <c>pending</c> while the month runs (the amount still grows) and
/// <c>issued</c> once it has closed; Podium records usage, it does not take payments.
/// </summary>
public sealed record InvoiceDto(
    int Id,
    string InvoiceNumber,
    string Amount,
    string TaxAmount,
    string TotalAmount,
    string Currency,
    string Status,
    string ChargeType,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    DateTime InvoiceDate,
    DateTime DueDate,
    DateTime? PaymentAt,
    int Calls,
    long CallSeconds,
    int Attempts);

public static class BillingEndpoints
{
    public static void MapBilling(this RouteGroupBuilder api) =>
        api.MapGroup("/organisation/billing").WithTags("Billing").RequireOrganization().MapGet("/", List).Describe("listInvoices", "List monthly invoices");

    /// <summary>
    /// An invoice per calendar month (UTC) with recorded costs, and always one for the running
    /// month; newest first. Costs are summed exactly (millionths) and rounded once, half away from zero.
    /// </summary>
    public static async Task<ApiResponse<IReadOnlyList<InvoiceDto>>> List(
        Paging paging, PodiumDb db, IOptions<BillingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = now.Year * 100 + now.Month;
        var usage = await (
                from a in db.TaskAttempts.AsNoTracking()
                where a.BillingPeriod != null
                join t in db.Tasks on a.TaskId equals t.Id
                group new { a.CostMicros, a.DurationSeconds, IsCall = t.ExecutionType == ExecutionType.Call } by a.BillingPeriod!.Value into g
                select new
                {
                    Period = g.Key,
                    Micros = g.Sum(x => x.CostMicros),
                    Attempts = g.Count(),
                    Calls = g.Count(x => x.IsCall),
                    Seconds = g.Sum(x => (long)(x.DurationSeconds ?? 0)),
                })
            .ToListAsync(ct);
        if (!usage.Exists(u => u.Period == current))
            usage.Add(new { Period = current, Micros = 0L, Attempts = 0, Calls = 0, Seconds = 0L });

        var billing = options.Value;
        var invoices = usage.OrderByDescending(u => u.Period)
            .Select(u => Invoice(u.Period, u.Micros, u.Calls, u.Seconds, u.Attempts, u.Period == current, billing))
            .ToList();
        var page = paging.Apply(invoices.AsQueryable()).ToList();
        return Api.ListAlsoAsResults("Billing data fetched successfully", page, invoices.Count);
    }

    public static decimal Round(long micros) => Math.Round(micros / 1_000_000m, 2, MidpointRounding.AwayFromZero);

    private static InvoiceDto Invoice(int period, long micros, int calls, long seconds, int attempts, bool running, BillingOptions billing)
    {
        var start = new DateTime(period / 100, period % 100, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddMonths(1);
        var amount = Round(micros);
        var tax = Math.Round(amount * billing.TaxRate, 2, MidpointRounding.AwayFromZero);
        return new InvoiceDto(
            period, $"INV-{period}", Money(amount), Money(tax), Money(amount + tax), billing.Currency,
            running ? "pending" : "issued", "usage", start, end, end, end.AddDays(billing.PaymentTermsDays), null,
            calls, seconds, attempts);
    }

    /// <summary>A decimal string with two places, as the docs print amounts.</summary>
    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
