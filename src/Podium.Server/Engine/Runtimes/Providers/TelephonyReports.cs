namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>
/// Twilio and LiveKit carry the telephone line; the integrator's bot carries the conversation and posts
/// it to the task's result callback. The two reports come in either order: the first waits on the attempt
/// and the second completes the task with both merged. A call that was not answered needs no bot; an
/// answered call whose bot never reports is completed with the call's facts once a grace has passed.
/// </summary>
public sealed class TelephonyReports(PodiumDb db, TaskCompletion completion, TimeProvider clock, IOptions<EngineOptions> options)
{
    /// <summary>The provider's account of the call (the line): recorded, or kept for the bot's report.</summary>
    public async Task<bool> LineAsync(long taskId, int attempt, AgentResult line, AgentSettings settings, CancellationToken ct)
    {
        var pending = await PendingAsync(taskId, attempt, ct);
        if (pending is null) return false;
        if (line.Outcome != CallOutcomes.Completed || pending.Value.Conversation is not null)
            return await completion.RecordAsync(taskId, attempt, Merge(line, pending.Value.Conversation), settings, owner: null, ct);
        var stored = await Attempts(taskId, attempt).Where(a => a.TelephonyReport == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.TelephonyReport, Write(line)), ct) == 1;
        if (!stored) return false;
        // Answered and over: the bot's report is due within a grace; then the reconciler completes the task without it.
        var until = EngineClock.Now(clock) + options.Value.CallGrace;
        await db.Tasks.IgnoreQueryFilters()
            .Where(t => t.Id == taskId && t.Status == TaskStatus.InProgress && t.Attempt == attempt && t.AwaitingCallback)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseExpiresAt, until), ct);
        return true;
    }

    /// <summary>The bot's account of the conversation: recorded with the line's, or kept until the line's comes.</summary>
    public async Task<bool> ConversationAsync(long taskId, int attempt, AgentResult conversation, AgentSettings settings, CancellationToken ct)
    {
        var pending = await PendingAsync(taskId, attempt, ct);
        if (pending is null) return false;
        if (pending.Value.Line is { } line)
            return await completion.RecordAsync(taskId, attempt, Merge(line, conversation), settings, owner: null, ct);
        return await Attempts(taskId, attempt).Where(a => a.AgentReport == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AgentReport, Write(conversation)), ct) == 1;
    }

    /// <summary>What has come in for a running attempt; null when the attempt is over.</summary>
    public async Task<(AgentResult? Line, AgentResult? Conversation)?> PendingAsync(long taskId, int attempt, CancellationToken ct)
    {
        var row = await Attempts(taskId, attempt).Select(a => new { a.TelephonyReport, a.AgentReport }).FirstOrDefaultAsync(ct);
        return row is null ? null : (Read(row.TelephonyReport), Read(row.AgentReport));
    }

    private IQueryable<TaskAttempt> Attempts(long taskId, int attempt) =>
        db.TaskAttempts.IgnoreQueryFilters().Where(a => a.TaskId == taskId && a.Number == attempt && a.FinishedAt == null);

    /// <summary>
    /// One task output from the two reports: the line's facts (call id, status, times, duration, the
    /// provider's end reason and cost), the bot's conversation (transcript, summary, post-call data), the
    /// costs added. The line decides whether anyone answered; for an answered call the bot's outcome
    /// stands (its voicemail detection, or its failure).
    /// </summary>
    public static AgentResult Merge(AgentResult? line, AgentResult? conversation)
    {
        if (line is null) return conversation ?? throw new ArgumentException("Nothing to merge.", nameof(conversation));
        if (conversation is null) return line;
        var output = (JsonObject?)line.Output?.DeepClone() ?? [];
        var said = conversation.Output ?? [];
        foreach (var field in new[] { "transcript", "call_summary", "post_call_data" })
            if (said[field] is { } value) output[field] = value.DeepClone();
        if (output["recording_url"] is null && said["recording_url"] is { } recording) output["recording_url"] = recording.DeepClone();
        var answered = line.Outcome == CallOutcomes.Completed;
        var outcome = answered ? conversation.Outcome : line.Outcome;
        if (outcome != line.Outcome)
        {
            output["call_status"] = outcome;
            output["call_end_reason"] = outcome == CallOutcomes.Failed ? "agent_error" : outcome;
            output["failure_kind"] = outcome == CallOutcomes.Failed ? "agent_error" : null;
        }
        if (output["post_call_data"] is not JsonObject)
            output["post_call_data"] = new JsonObject { ["outcome"] = outcome };
        var cost = line.CostMicros + conversation.CostMicros;
        output["cost"] = cost / 1_000_000m;
        return new AgentResult(outcome, output, cost, line.DurationSeconds ?? conversation.DurationSeconds,
            answered ? conversation.Error : line.Error);
    }

    /// <summary>The bot's report alone, where the provider never told how the line went: marked with the provider and call.</summary>
    public static AgentResult Unlined(AgentResult conversation, string provider, string? providerCallId)
    {
        var output = (JsonObject?)conversation.Output?.DeepClone() ?? [];
        output["provider"] = provider;
        if (providerCallId is not null) output["call_id"] = providerCallId;
        output["provider_end_reason"] ??= null;
        return conversation with { Output = output };
    }

    private static string Write(AgentResult result) => new JsonObject
    {
        ["outcome"] = result.Outcome,
        ["output"] = result.Output?.DeepClone(),
        ["cost_micros"] = result.CostMicros,
        ["duration"] = result.DurationSeconds,
        ["error"] = result.Error,
    }.ToJsonString();

    private static AgentResult? Read(string? stored)
    {
        if (stored is null || JsonNode.Parse(stored) is not JsonObject o) return null;
        return new AgentResult(o["outcome"]!.GetValue<string>(), o["output"] as JsonObject, o["cost_micros"]!.GetValue<long>(),
            o["duration"]?.GetValue<int>(), o["error"]?.GetValue<string>());
    }
}
