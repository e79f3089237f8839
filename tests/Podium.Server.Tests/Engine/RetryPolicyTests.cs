using Podium.Data.Entities;
using Podium.Server.Engine;

namespace Podium.Server.Tests.Engine;

/// <summary>Which outcomes earn another attempt, and how long the backoff waits before it.</summary>
public sealed class RetryPolicyTests
{
    [Theory]
    // The defaults: three attempts, every unreached outcome and failures retried.
    [InlineData(CallOutcomes.NoAnswer, 1, null, true)]
    [InlineData(CallOutcomes.Busy, 2, null, true)]
    [InlineData(CallOutcomes.Voicemail, 1, null, true)]
    [InlineData(CallOutcomes.Failed, 1, null, true)]
    [InlineData(CallOutcomes.NoAnswer, 3, null, false)]
    [InlineData(CallOutcomes.Completed, 1, null, false)]
    // A policy naming some outcomes retries only those.
    [InlineData(CallOutcomes.Busy, 1, "busy,no_answer", true)]
    [InlineData(CallOutcomes.Voicemail, 1, "busy,no_answer", false)]
    [InlineData(CallOutcomes.Failed, 1, "", false)]
    // A completed call is never retried, even when a policy names it.
    [InlineData(CallOutcomes.Completed, 1, "completed", false)]
    // Podium's own outcomes are not call outcomes a policy may name.
    [InlineData(CallOutcomes.Interrupted, 1, null, false)]
    public void ShouldRetry(string outcome, int attemptsThisRound, string? retryOn, bool expected)
    {
        var settings = retryOn is null ? new AgentSettings() : new AgentSettings { RetryOn = retryOn.Split(',', StringSplitOptions.RemoveEmptyEntries) };
        Assert.Equal(expected, RetryPolicy.ShouldRetry(outcome, attemptsThisRound, settings));
    }

    [Theory]
    [InlineData(1, 300, 0.0, 300)]
    [InlineData(2, 300, 0.0, 600)]
    [InlineData(3, 300, 0.0, 1200)]
    [InlineData(0, 300, 0.0, 300)]
    // Jitter adds up to 10%.
    [InlineData(1, 300, 0.5, 315)]
    [InlineData(2, 300, 1.0, 660)]
    // The doubling stops at a day (before jitter).
    [InlineData(20, 300, 0.0, 86_400)]
    [InlineData(60, 300, 1.0, 95_040)]
    [InlineData(1, 0, 1.0, 0)]
    public void Delay(int attemptsThisRound, int backoffSeconds, double roll, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, RetryPolicy.Delay(attemptsThisRound, new AgentSettings { BackoffSeconds = backoffSeconds }, new Fixed(roll)).TotalSeconds, 6);

    private sealed class Fixed(double roll) : Random
    {
        public override double NextDouble() => roll;
    }
}
