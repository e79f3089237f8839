using Microsoft.AspNetCore.Mvc;
using Podium.Server.Features.Runs;

namespace Podium.Server.Features.Calls;

/// <summary>
/// The Unpod SDK's <c>calls</c> resource at <c>speech/v1/calls</c>: place one call, list calls, read one with
/// its transcript, hang one up. Viewers read; members place and hang up.
/// </summary>
/// <summary>Services a placed call is written with.</summary>
public sealed record CallServices(OperationContext Context, Documents.CollectionWriter Writer);

public static class CallEndpoints
{
    public static readonly ApiError NotFound = Api.NotFound("Call not found");
    private static readonly string[] Statuses = ["pending", "scheduled", "in_flight", "hangup_requested", "completed", "failed", "cancelled"];

    public static void MapCalls(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/speech/v1/calls").WithTags("Calls").RequireOrganization();
        group.MapGet("/", List).Describe("listCalls", "List calls");
        group.MapGet("/{callId}", Get).Describe("getCall", "Get a call");
        group.MapPost("/", Place).Describe("placeCall", "Place a call").RequireRole(Role.Member).Creates().ValidatedByOperation();
        group.MapPost("/{callId}/hangup", HangUp).Describe("hangUpCall", "Hang up a call").RequireRole(Role.Member);
    }

    /// <summary>
    /// Every call of the organization the caller may see (single calls and the tasks of call runs), newest
    /// first; <c>call_status</c> keeps one status, <c>pipe_id</c> (or <c>agent_id</c>) one agent's calls.
    /// </summary>
    public static async Task<Results<ApiResponse<IReadOnlyList<CallDto>>, ApiError>> List(
        [FromQuery(Name = "call_status")] string? callStatus, [FromQuery(Name = "pipe_id")] string? pipeId, [FromQuery(Name = "agent_id")] string? agentId,
        [AsParameters] ListScope list, CancellationToken ct)
    {
        var (paging, _, db) = list;
        var calls = CallQueries.Calls(db);
        if (callStatus is not null)
        {
            if (!Statuses.Contains(callStatus)) return Api.Validation("call_status", $"Use one of: {string.Join(", ", Statuses)}.");
            calls = callStatus switch
            {
                "pending" => calls.Where(t => t.Status == TaskStatus.Pending),
                "scheduled" => calls.Where(t => t.Status == TaskStatus.Scheduled),
                "in_flight" => calls.Where(t => t.Status == TaskStatus.InProgress && t.HangupRequestedAt == null),
                "hangup_requested" => calls.Where(t => t.Status == TaskStatus.InProgress && t.HangupRequestedAt != null),
                "completed" => calls.Where(t => t.Status == TaskStatus.Completed),
                "failed" => calls.Where(t => t.Status == TaskStatus.Failed),
                _ => calls.Where(t => t.Status == TaskStatus.Cancelled),
            };
        }
        if ((pipeId ?? agentId) is { } handle)
        {
            var agent = await db.Agents.AsNoTracking().Where(a => a.Handle == handle).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            calls = calls.Where(t => t.AgentId == agent);
        }
        var count = await calls.CountAsync(ct);
        var page = await CallQueries.ReadAsync(db, paging.Apply(calls.OrderByDescending(t => t.Id)), ct);
        return Api.List("Calls fetched successfully.", page, count);
    }

    public static async Task<Results<ApiResponse<CallDto>, ApiError>> Get(string callId, PodiumDb db, CancellationToken ct) =>
        await CallQueries.ReadOneAsync(db, callId, ct) is { } call ? Api.Ok("Call fetched successfully.", call) : NotFound;

    public static async Task<Results<ApiResponse<CallDto>, ApiError>> Place(
        PlaceCallRequest request, [FromHeader(Name = Idempotency.Header)] string? idempotencyKey, HttpContext http,
        [AsParameters] CallServices services, CancellationToken ct)
    {
        var placed = await PlaceCall.RunAsync(request, idempotencyKey, services.Context, services.Writer, ct);
        if (placed.Error is not null) return placed.Error;
        if (placed.Value.Replayed) http.Response.Headers[Idempotency.ReplayedHeader] = "true";
        return Api.Created("Call queued.", placed.Value.Call);
    }

    public static async Task<Results<ApiResponse<CallDto>, ApiError>> HangUp(string callId, [AsParameters] HangUpServices services, CancellationToken ct) =>
        (await HangUpCall.RunAsync(callId, services, ct)).Answer(hungUp => Api.Ok(hungUp.Message, hungUp.Call));
}
