using System.Linq.Expressions;

namespace Podium.Data.Entities;

/// <summary>The groups of task statuses that queries ask about, named once so every query means the same thing by them.</summary>
public static class TaskStates
{
    /// <summary>Not yet started: pending, or scheduled for later. These are what a cancel or a pause holds back.</summary>
    public static readonly Expression<Func<RunTask, bool>> Waiting =
        t => t.Status == TaskStatus.Pending || t.Status == TaskStatus.Scheduled;

    /// <summary>Not finished: waiting or in progress. A run with none of these is settled.</summary>
    public static readonly Expression<Func<RunTask, bool>> Open =
        t => t.Status == TaskStatus.Pending || t.Status == TaskStatus.Scheduled || t.Status == TaskStatus.InProgress;
}
