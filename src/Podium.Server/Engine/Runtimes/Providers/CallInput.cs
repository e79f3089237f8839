namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>What every provider is given about the contact and the task.</summary>
public static class CallInput
{
    /// <summary>The document's top-level fields as text (the providers' dynamic variables are strings), with Podium's ids.</summary>
    public static JsonObject Variables(AgentCall call) => Variables(call.Input, call.TaskId, call.RunId, call.Attempt, call.Objective);

    public static JsonObject Variables(JsonObject input, string taskId, string runId, int attempt, string objective)
    {
        var variables = new JsonObject();
        foreach (var (name, value) in input)
        {
            if (value is not JsonValue scalar) continue;
            variables[name] = scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
        }
        variables["podium_task_id"] = taskId;
        variables["podium_run_id"] = runId;
        variables["podium_attempt"] = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (objective.Length > 0) variables["objective"] = objective;
        return variables;
    }

    /// <summary>Podium's ids, for the provider to keep on the call and send back with its events.</summary>
    public static JsonObject Metadata(AgentCall call) => new()
    {
        ["podium_task_id"] = call.TaskId,
        ["podium_run_id"] = call.RunId,
        ["podium_attempt"] = call.Attempt,
        ["podium_idempotency_key"] = call.IdempotencyKey,
    };

    public static string? Name(AgentCall call) => call.Input["name"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null;
}
