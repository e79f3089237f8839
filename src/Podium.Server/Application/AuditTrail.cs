using System.Security.Claims;
using Microsoft.AspNetCore.Http.Json;

namespace Podium.Server.Application;

/// <summary>
/// Adds an operation's audit entry to its own unit of work, so the change and its entry are saved
/// together: who (the acting user, and the key prefix of the request if there is one), what, which object,
/// the names of the fields sent (never their values), from where, and the request id.
/// The admin commands have no request: their entries name no user and no address.
/// </summary>
public sealed class AuditTrail(PodiumDb db, TimeProvider clock, IOptions<JsonOptions> json, IHttpContextAccessor accessor)
{
    /// <param name="targetId">The object's public id (a token, a handle, a number), written in the invariant culture.</param>
    public void Record(int organizationId, int? userId, string targetType, string verb, object? targetId, object? request = null)
    {
        var target = targetId is null ? null : Convert.ToString(targetId, System.Globalization.CultureInfo.InvariantCulture);
        var http = accessor.HttpContext;
        var user = http?.User;
        var fields = FieldNames(request, json.Value.SerializerOptions);
        db.AuditLog.Add(new AuditEntry
        {
            OrganizationId = organizationId,
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            KeyPrefix = user?.FindFirstValue(Caller.KeyPrefixClaim),
            Action = $"{targetType}.{verb}",
            TargetType = targetType,
            TargetId = target?[..Math.Min(target.Length, 255)],
            Fields = fields?[..Math.Min(fields.Length, 2000)],
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            RequestId = http?.TraceIdentifier,
        });
    }

    /// <summary>The names (never the values) of the fields a request set, as a JSON array; null without a request.</summary>
    public static string? FieldNames(object? request, JsonSerializerOptions json) =>
        request is not null && JsonSerializer.SerializeToNode(request, request.GetType(), json) is JsonObject sent
            ? JsonSerializer.Serialize(sent.Where(p => p.Value is not null).Select(p => p.Key).ToArray())
            : null;
}
