using System.Text.Json.Serialization;

namespace Podium.Client;

/// <summary>One finished call attempt.</summary>
public sealed record CallLog
{
    public string Id { get; init; } = "";
    public string? SourceNumber { get; init; }
    public string? DestinationNumber { get; init; }
    public string CallType { get; init; } = "";
    /// <summary><c>completed</c>, <c>missed</c> or <c>failed</c>.</summary>
    public string CallStatus { get; init; } = "";
    public DateTimeOffset CreationTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    /// <summary>Seconds.</summary>
    public int CallDuration { get; init; }
    public string? EndReason { get; init; }
    public int? Bridge { get; init; }
    public string TaskId { get; init; } = "";
    public string RunId { get; init; } = "";
    public int Attempt { get; init; }
    public string AgentHandle { get; init; } = "";
    public decimal Cost { get; init; }
}

/// <summary>Filters of the call logs. A date alone means the whole UTC day.</summary>
public sealed record CallLogQuery
{
    public DateTimeOffset? StartDate { get; init; }
    public DateTimeOffset? EndDate { get; init; }
    /// <summary><c>outbound</c> or <c>inbound</c>.</summary>
    public string? CallType { get; init; }
    /// <summary><c>completed</c>, <c>missed</c> or <c>failed</c>.</summary>
    public string? CallStatus { get; init; }

    [JsonIgnore]
    internal Query Query => new Query().Add("start_date", StartDate).Add("end_date", EndDate).Add("call_type", CallType).Add("call_status", CallStatus);
}

/// <summary>One month's charges. Amounts are decimal strings, as on the wire.</summary>
public sealed record Invoice
{
    public int Id { get; init; }
    public string InvoiceNumber { get; init; } = "";
    public string Amount { get; init; } = "";
    public string TaxAmount { get; init; } = "";
    public string TotalAmount { get; init; } = "";
    public string Currency { get; init; } = "";
    /// <summary><c>pending</c> for the running month, <c>issued</c> once it closed.</summary>
    public string Status { get; init; } = "";
    public string ChargeType { get; init; } = "";
    public DateTimeOffset PeriodStart { get; init; }
    public DateTimeOffset PeriodEnd { get; init; }
    public DateTimeOffset InvoiceDate { get; init; }
    public DateTimeOffset DueDate { get; init; }
    public DateTimeOffset? PaymentAt { get; init; }
    public int Calls { get; init; }
    public long CallSeconds { get; init; }
    public int Attempts { get; init; }
}

/// <summary>Both documented analytics shapes in one object.</summary>
public sealed record Analytics
{
    public CallAnalytics CallAnalytics { get; init; } = new();
    public CallStatusCounts CallStatus { get; init; } = new();
    public int TotalCalls { get; init; }
    public int CompletedCalls { get; init; }
    public int FailedCalls { get; init; }
    public double AvgDurationSeconds { get; init; }
    public long TotalCallSeconds { get; init; }
    public int TotalTasks { get; init; }
    public TaskStatusBreakdown TaskStatusBreakdown { get; init; } = new();
    public string TotalCost { get; init; } = "";
    public string Currency { get; init; } = "";
    public string? SpaceToken { get; init; }
}

/// <summary>Calls by disposition.</summary>
public sealed record CallAnalytics
{
    public int TotalCalls { get; init; }
    public int Interested { get; init; }
    public int CallBack { get; init; }
    public int SendDetails { get; init; }
    public int NotInterested { get; init; }
    public int NotConnected { get; init; }
    public int Failed { get; init; }
    public double AvgSuccessScore { get; init; }
}

/// <summary>Task counts; <see cref="SuccessRate"/> is completed tasks as a percentage of all.</summary>
public sealed record CallStatusCounts
{
    public int TotalTasks { get; init; }
    public int Completed { get; init; }
    public int Failed { get; init; }
    public int Pending { get; init; }
    public int InProgress { get; init; }
    public int Cancelled { get; init; }
    public double SuccessRate { get; init; }
}

public sealed record TaskStatusBreakdown
{
    public int Pending { get; init; }
    public int Running { get; init; }
    public int Completed { get; init; }
    public int Failed { get; init; }
    public int Cancelled { get; init; }
}
