using System.Security.Cryptography;
using Podium.Server.Engine;
using Podium.Server.Engine.Runtimes;
using Podium.Server.Engine.Runtimes.Providers;

namespace Podium.Server.Features.Tasks;

/// <summary>What a posted result is checked and recorded with.</summary>
public sealed record TaskResultServices(IDataProtectionProvider Protection, PodiumDb Db, TaskCompletion Completion, TelephonyReports Telephony);

/// <summary>
/// <c>POST tasks/{task_id}/result/</c>: where a webhook agent that answered 202 posts the result, and where
/// the bot of a Twilio or LiveKit call posts the conversation.
/// Authenticated by the task's callback token (<c>Authorization: Bearer &lt;callback_token&gt;</c>), not an
/// API key: the token names one task and one attempt, so it can post nothing else.
/// </summary>
public static class TaskResultEndpoint
{
    private static readonly ApiError TaskNotFound = Api.NotFound("Task not found");

    public static void MapTaskResults(this IEndpointRouteBuilder app) =>
        app.MapPost($"{ServerSetup.ApiPrefix}/tasks/{{taskId}}/result", PostResult).Describe("postTaskResult", "Post a task's result (agent callback)").AllowAnonymous().WithTags("Tasks");

    public static async Task<Results<ApiResponse<object>, ApiError>> PostResult(
        string taskId, HttpRequest request, [AsParameters] TaskResultServices services, CancellationToken ct)
    {
        var (protection, db, completion, telephony) = services;
        var attempt = Verify(protection, taskId, request.Headers.Authorization.ToString());
        if (attempt is null)
            return new ApiError(StatusCodes.Status401Unauthorized, "Invalid token.");
        var task = await db.Tasks.IgnoreQueryFilters().Where(t => t.PublicId == taskId)
            .Select(t => new { t.Id, t.Status, t.Attempt, t.AgentId }).FirstOrDefaultAsync(ct);
        if (task is null) return TaskNotFound;
        if (task.Status != TaskStatus.InProgress || task.Attempt != attempt)
            return Api.Conflict("This task is no longer waiting for a result of that attempt.");

        using var reader = new StreamReader(request.Body);
        var result = AgentWebhookRuntime.Read(await reader.ReadToEndAsync(ct));
        if (result.Output is null)
            return Api.Validation("output", result.Error ?? "An output object is required.");
        var settings = await db.Agents.IgnoreQueryFilters().Where(a => a.Id == task.AgentId).Select(a => a.Settings).SingleAsync(ct);
        // Where the provider carries only the line, the bot's conversation is merged with the call's facts.
        var recorded = ProviderRuntimes.TelephonyOnly(settings.Runtime)
            ? await telephony.ConversationAsync(task.Id, task.Attempt, result, settings, ct)
            : await completion.RecordAsync(task.Id, task.Attempt, result, settings, owner: null, ct);
        if (!recorded)
            return Api.Conflict("This task is no longer waiting for a result of that attempt.");
        return Api.Ok<object>("Task result recorded successfully", new { task_id = taskId, outcome = result.Outcome });
    }

    /// <summary>The attempt the bearer token was issued for, if it was issued for this task.</summary>
    private static int? Verify(IDataProtectionProvider protection, string taskId, string header)
    {
        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var payload = protection.CreateProtector(TaskExecutor.CallbackPurpose).Unprotect(header[Bearer.Length..].Trim());
            var separator = payload.LastIndexOf(':');
            if (separator < 0) return null;
            var expected = System.Text.Encoding.UTF8.GetBytes(taskId);
            var actual = System.Text.Encoding.UTF8.GetBytes(payload[..separator]);
            return CryptographicOperations.FixedTimeEquals(expected, actual) && int.TryParse(payload[(separator + 1)..], out var attempt) ? attempt : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
