using Podium.Server.Engine.Runtimes;

namespace Podium.Server.Engine;

/// <summary>
/// What call logs and analytics need from an agent's free-form output, read once when the
/// result is recorded so reports are set-based queries over columns, not JSON.
/// </summary>
public sealed record CallFacts(string? EndReason, string? Disposition, int? SuccessScore)
{
    public static CallFacts From(AgentResult result)
    {
        var output = result.Output;
        var postCall = output?["post_call_data"] as JsonObject;
        var endReason = Text(output?["call_end_reason"]) ?? (result.Outcome == CallOutcomes.Completed ? null : result.Outcome);
        var disposition = result.Outcome == CallOutcomes.Completed ? Text(postCall?["outcome"])?.ToLowerInvariant() : null;
        return new CallFacts(ColumnText.Clip(endReason, ColumnLengths.EndReason), ColumnText.Clip(disposition, ColumnLengths.Disposition), Score(postCall?["success_score"]));
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static int? Score(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 100
            ? (int)Math.Round(score)
            : null;
}
