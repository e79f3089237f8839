using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Podium.Server.Features.CallLogs;

/// <summary>
/// The call-log filters. <c>start_date</c> and <c>end_date</c> take a date (<c>2026-02-07</c>, the whole
/// day, UTC) or an instant (<c>2026-02-07T05:57:00Z</c>), and bound when the call was placed.
/// </summary>
public sealed class CallLogQuery : IValidatable, IEndpointParameterMetadataProvider
{
    public static readonly string[] Types = ["outbound", "inbound"];
    public static readonly string[] Statuses = ["completed", "missed", "failed"];
    private readonly List<(string Field, string Message)> _errors = [];

    private CallLogQuery() { }

    public DateTime? From { get; private init; }

    /// <summary>Exclusive upper bound.</summary>
    public DateTime? Before { get; private init; }
    public string? CallType { get; private init; }
    public string? CallStatus { get; private init; }

    public static ValueTask<CallLogQuery> BindAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var errors = new List<(string, string)>();
        var from = Instant(query["start_date"], endOfDay: false, "start_date", errors);
        var before = Instant(query["end_date"], endOfDay: true, "end_date", errors);
        if (from is not null && before is not null && from >= before) errors.Add(("end_date", "Must be after start_date."));
        string? type = query["call_type"], status = query["call_status"];
        if (type is not null && !Types.Contains(type)) errors.Add(("call_type", $"Use one of: {string.Join(", ", Types)}."));
        if (status is not null && !Statuses.Contains(status)) errors.Add(("call_status", $"Use one of: {string.Join(", ", Statuses)}."));
        var bound = new CallLogQuery { From = from, Before = before, CallType = type, CallStatus = status };
        bound._errors.AddRange(errors);
        return ValueTask.FromResult(bound);
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        builder.Metadata.Add(new DocumentedQuery("start_date", "Calls placed from this date (whole UTC day) or instant (ISO 8601)."));
        builder.Metadata.Add(new DocumentedQuery("end_date", "Calls placed up to this date (whole UTC day) or instant (ISO 8601)."));
        builder.Metadata.Add(new DocumentedQuery("call_type", "outbound or inbound."));
        builder.Metadata.Add(new DocumentedQuery("call_status", "completed, missed or failed."));
    }

    public void Validate(ValidationErrors errors)
    {
        foreach (var (field, message) in _errors) errors.Add(field, message);
    }

    /// <summary>The attempt outcomes a call status covers.</summary>
    public static string[] Outcomes(string status) => status switch
    {
        "completed" => ["completed"],
        "missed" => CallOutcomes.Unreached,
        _ => ["failed", "interrupted"],
    };

    public static string StatusOf(string? outcome) => outcome switch
    {
        "completed" => "completed",
        CallOutcomes.Voicemail or CallOutcomes.Busy or CallOutcomes.NoAnswer => "missed",
        _ => "failed",
    };

    private static DateTime? Instant(string? raw, bool endOfDay, string field, List<(string, string)> errors)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(endOfDay ? 1 : 0);
        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && raw.Contains('T', StringComparison.Ordinal))
            return instant.UtcDateTime.AddTicks(endOfDay ? 1 : 0);
        errors.Add((field, "Use an ISO 8601 date (2026-02-07) or instant (2026-02-07T05:57:00Z)."));
        return null;
    }
}
