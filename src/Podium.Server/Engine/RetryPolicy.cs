namespace Podium.Server.Engine;

/// <summary>Retries by outcome: which outcomes earn another attempt, and after how long.</summary>
public static class RetryPolicy
{
    /// <param name="attemptsThisRound">Attempts since the task was created or last retried by hand.</param>
    public static bool ShouldRetry(string outcome, int attemptsThisRound, AgentSettings settings) =>
        outcome != CallOutcomes.Completed && settings.RetryOn.Contains(outcome) && attemptsThisRound < settings.MaxAttempts;

    /// <summary>The backoff doubles with each attempt, with up to 10% jitter so retries of one run spread out.</summary>
    public static TimeSpan Delay(int attemptsThisRound, AgentSettings settings, Random random)
    {
        var seconds = settings.BackoffSeconds * Math.Pow(2, Math.Max(attemptsThisRound - 1, 0));
        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(1).TotalSeconds) * (1 + (random.NextDouble() * 0.1)));
    }
}
