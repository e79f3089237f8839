using System.Security.Cryptography;
using System.Text;

namespace Podium.Server.Engine.Runtimes;

/// <summary>
/// The built-in agent: a realistic call result that depends only on the task id, the attempt
/// and the agent's simulation settings, so demos, tests and benchmarks are repeatable.
/// </summary>
public sealed class SimulatedRuntime(TimeProvider clock) : IAgentRuntime
{
    private const long MicrosPerSecond = 1_500; // 0.09 per minute
    private static readonly string[] Interests = ["interested", "interested", "call_back", "not_interested"];
    private static readonly string[] Sentiments = ["positive", "neutral", "positive", "negative"];

    public AgentRuntime Kind => AgentRuntime.Simulated;

    public async Task<AgentResult> ExecuteAsync(AgentCall attempt, CancellationToken ct)
    {
        var simulation = attempt.Settings.Simulation;
        if (simulation.LatencyMs > 0)
            await Task.Delay(TimeSpan.FromMilliseconds(simulation.LatencyMs), clock, ct);

        var dice = new Dice(attempt.TaskId, attempt.Attempt);
        var roll = dice.Next();
        var outcome = roll < simulation.BusyRate ? CallOutcomes.Busy
            : roll < simulation.BusyRate + simulation.NoAnswerRate ? CallOutcomes.NoAnswer
            : roll < simulation.BusyRate + simulation.NoAnswerRate + simulation.FailRate ? CallOutcomes.Failed
            : CallOutcomes.Completed;
        var end = clock.GetUtcNow().UtcDateTime;
        var callId = attempt.CallId ?? "CALL_" + dice.Token(16);
        if (outcome != CallOutcomes.Completed)
            return new AgentResult(outcome, Unanswered(callId, outcome, end, attempt.CallerNumber), 0, 0, outcome == CallOutcomes.Failed ? "Simulated carrier failure" : null);

        var duration = 30 + (int)(dice.Next() * 300);
        var interest = Interests[(int)(dice.Next() * Interests.Length)];
        var sentiment = Sentiments[(int)(dice.Next() * Sentiments.Length)];
        var name = attempt.Input["name"]?.ToString() ?? "there";
        var summary = $"The agent reached {name}. Objective: {Objective(attempt)} Outcome: {interest.Replace('_', ' ')}.";
        var output = new JsonObject
        {
            ["call_id"] = callId,
            ["call_status"] = "completed",
            ["call_type"] = "outbound",
            ["call_end_reason"] = dice.Next() < 0.7 ? "caller_hangup" : "agent_hangup",
            ["start_time"] = Iso(end.AddSeconds(-duration)),
            ["end_time"] = Iso(end),
            ["duration"] = duration,
            ["recording_url"] = null,
            ["transcript"] = Transcript(attempt, name, simulation.TranscriptTurns, interest),
            ["call_summary"] = summary,
            ["post_call_data"] = new JsonObject
            {
                ["summary"] = summary,
                ["outcome"] = interest,
                ["sentiment"] = sentiment,
                ["success"] = interest is "interested" or "call_back",
                ["success_score"] = Score(interest, dice.Next()),
            },
            ["cost"] = duration * MicrosPerSecond / 1_000_000m,
            ["assistant_number"] = attempt.CallerNumber,
            ["simulated"] = true,
        };
        return new AgentResult(CallOutcomes.Completed, output, duration * MicrosPerSecond, duration, null);
    }

    private static string Objective(AgentCall attempt) => attempt.Objective.Length > 0 ? attempt.Objective : "a quick follow-up";

    private static JsonArray Transcript(AgentCall attempt, string name, int turns, string interest)
    {
        string[] agentLines =
        [
            $"Hello, this is {attempt.AgentName} calling. Am I speaking with {name}?",
            $"Thanks for taking the call. I'm calling about this: {Objective(attempt)}",
            "Would that be useful for you right now?",
            "Understood. Is there a better time or anything you'd like me to send over?",
            "Great, I'll note that down. Thank you for your time.",
        ];
        string[] userLines =
        [
            $"Yes, this is {name}.",
            "Okay, go ahead.",
            interest switch
            {
                "interested" => "That sounds interesting, tell me more.",
                "call_back" => "I'm busy right now, could you call me back later?",
                _ => "I don't think we need that at the moment.",
            },
            "That's all for now.",
            "Thanks, bye.",
        ];
        var transcript = new JsonArray();
        for (var i = 0; i < Math.Max(turns, 2); i++)
        {
            var lines = i % 2 == 0 ? agentLines : userLines;
            transcript.Add(new JsonObject { ["role"] = i % 2 == 0 ? "agent" : "user", ["content"] = lines[Math.Min(i / 2, lines.Length - 1)] });
        }
        return transcript;
    }

    /// <summary>0-100: how close the call came to its objective.</summary>
    private static int Score(string interest, double roll) => interest switch
    {
        "interested" => 75 + (int)(roll * 26),
        "call_back" => 45 + (int)(roll * 30),
        _ => (int)(roll * 30),
    };

    private static JsonObject Unanswered(string callId, string outcome, DateTime at, string? callerNumber) => new()
    {
        ["call_id"] = callId,
        ["call_status"] = outcome == CallOutcomes.NoAnswer ? "no-answer" : outcome,
        ["call_type"] = "outbound",
        ["call_end_reason"] = outcome,
        ["start_time"] = Iso(at),
        ["end_time"] = Iso(at),
        ["duration"] = 0,
        ["recording_url"] = null,
        ["transcript"] = new JsonArray(),
        ["call_summary"] = null,
        ["post_call_data"] = new JsonObject { ["summary"] = null, ["outcome"] = outcome, ["sentiment"] = null },
        ["cost"] = 0m,
        ["assistant_number"] = callerNumber,
        ["simulated"] = true,
    };

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A repeatable stream of numbers in [0, 1) seeded by the task and attempt.</summary>
    private sealed class Dice(string taskId, int attempt)
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        private int _counter;

        public double Next() => BitConverter.ToUInt64(Draw(), 0) / (ulong.MaxValue + 1.0);

        public string Token(int length)
        {
            var bytes = Draw();
            var builder = new StringBuilder(length);
            for (var i = 0; i < length; i++) builder.Append(Alphabet[bytes[i % bytes.Length] % Alphabet.Length]);
            return builder.ToString();
        }

        private byte[] Draw() => SHA256.HashData(Encoding.UTF8.GetBytes($"{taskId}:{attempt}:{_counter++}"));
    }
}
