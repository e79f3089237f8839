using Microsoft.AspNetCore.Mvc;

namespace Podium.Server.Features.Audit;

public sealed record AuditUser(int Id, string Email);

/// <summary>One audit entry; <c>fields</c> are the names of what the request set, never the values.</summary>
public sealed record AuditEntryDto(
    long Id, DateTime At, string Action, string TargetType, string? TargetId, AuditUser? User, string? KeyPrefix,
    IReadOnlyList<string> Fields, string? IpAddress, string? RequestId);

public static class AuditEndpoints
{
    public static void MapAuditLog(this RouteGroupBuilder api) =>
        api.MapGroup("/audit-log").WithTags("Audit log").RequireOrganization().MapGet("/", List).Describe("listAuditLog", "List audit log entries").RequireRole(Role.Admin);

    /// <summary>Newest first; <c>?action=space.created</c>, <c>?target_type=space</c> narrow it.</summary>
    public static async Task<ApiResponse<IReadOnlyList<AuditEntryDto>>> List(
        string? action, [FromQuery(Name = "target_type")] string? targetType, Paging paging, PodiumDb db, CancellationToken ct)
    {
        var entries = db.AuditLog.AsNoTracking();
        if (action is not null) entries = entries.Where(e => e.Action == action);
        if (targetType is not null) entries = entries.Where(e => e.TargetType == targetType);
        var count = await entries.CountAsync(ct);
        var rows = await paging.Apply(entries.OrderByDescending(e => e.Id))
            .Select(e => new { Entry = e, Email = db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault() })
            .ToListAsync(ct);
        return Api.List("Audit log fetched successfully", rows.ConvertAll(r => new AuditEntryDto(
            r.Entry.Id, r.Entry.At, r.Entry.Action, r.Entry.TargetType, r.Entry.TargetId,
            r.Entry.UserId is { } id ? new AuditUser(id, r.Email ?? "") : null, r.Entry.KeyPrefix,
            r.Entry.Fields is null ? [] : JsonSerializer.Deserialize<string[]>(r.Entry.Fields) ?? [],
            r.Entry.IpAddress, r.Entry.RequestId)), count);
    }
}
