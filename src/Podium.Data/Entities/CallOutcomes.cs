namespace Podium.Data.Entities;

/// <summary>
/// What one call attempt came to, as stored in <c>TaskAttempt.Outcome</c> and <c>RunTask.Outcome</c>
/// and sent on the wire. <see cref="Interrupted"/> is Podium's own: the process running the attempt stopped.
/// </summary>
public static class CallOutcomes
{
    public const string Completed = "completed";
    public const string Voicemail = "voicemail";
    public const string Busy = "busy";
    public const string NoAnswer = "no_answer";
    public const string Failed = "failed";
    public const string Interrupted = "interrupted";

    /// <summary>Podium's own: a provider refused to place the call for now (429, 5xx); no call was made, so it is no call log.</summary>
    public const string Deferred = "deferred";

    /// <summary>The outcomes an agent may report.</summary>
    public static readonly string[] Reported = [Completed, Voicemail, Busy, NoAnswer, Failed];

    /// <summary>The outcomes a retry policy may name.</summary>
    public static readonly string[] Retryable = [Voicemail, Busy, NoAnswer, Failed];

    /// <summary>The person was not reached, though the number works: the call logs' "missed".</summary>
    public static readonly string[] Unreached = [Voicemail, Busy, NoAnswer];
}
