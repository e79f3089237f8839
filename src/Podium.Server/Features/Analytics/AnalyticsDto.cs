namespace Podium.Server.Features.Analytics;

/// <summary>The older docs' call outcomes: tasks by the agent's post-call outcome, and calls that never connected.</summary>
public sealed record CallAnalytics(
    int TotalCalls, int Interested, int CallBack, int SendDetails, int NotInterested, int NotConnected, int Failed, decimal AvgSuccessScore);

/// <summary>The older docs' task counts; <c>success_rate</c> is completed tasks as a percentage of all.</summary>
public sealed record CallStatus(int TotalTasks, int Completed, int Failed, int Pending, int InProgress, int Cancelled, decimal SuccessRate);

/// <summary>The newer docs' task counts (<c>pending</c> includes scheduled tasks).</summary>
public sealed record TaskStatusBreakdown(int Pending, int Running, int Completed, int Failed, int Cancelled);

/// <summary>
/// Both documented analytics shapes in one object: the nested <c>call_analytics</c> and
/// <c>call_status</c>, and the flat totals with <c>task_status_breakdown</c>. A call is one call
/// attempt (one row of the call log); tasks are the call tasks of contact spaces.
/// </summary>
public sealed record AnalyticsDto(
    CallAnalytics CallAnalytics,
    CallStatus CallStatus,
    int TotalCalls,
    int CompletedCalls,
    int FailedCalls,
    decimal AvgDurationSeconds,
    long TotalCallSeconds,
    int TotalTasks,
    TaskStatusBreakdown TaskStatusBreakdown,
    string TotalCost,
    string Currency,
    string? SpaceToken);
