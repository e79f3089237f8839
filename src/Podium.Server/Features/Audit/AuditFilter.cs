using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Options;

namespace Podium.Server.Features.Audit;

/// <summary>Names an endpoint's audit action where the method does not (<c>invited</c> rather than <c>created</c>).</summary>
public sealed record AuditVerb(string Verb);

public static class AuditSetup
{
    /// <summary>Records every successful change (POST, PATCH, DELETE) of the group's endpoints as <paramref name="targetType"/>.<c>verb</c>.</summary>
    public static RouteGroupBuilder Audited(this RouteGroupBuilder group, string targetType)
    {
        group.AddEndpointFilter(new AuditFilter(targetType));
        return group;
    }
}

/// <summary>
/// For the endpoint groups whose changes are not yet operations (see docs/architecture.md): writes an
/// audit entry after a change succeeds: the action (from the method, or the route's
/// action segment such as <c>cancel</c> or <c>connect-provider</c>), the object (from the route,
/// or the created object's id), the names of the fields sent (never their values), the caller,
/// the key prefix, the client address and the request id.
/// </summary>
public sealed partial class AuditFilter(string targetType) : IEndpointFilter
{
    private static readonly string[] DataKeys = ["token", "handle", "slug", "run_id", "id", "user_id"];
    private static readonly string[] ActionSegments = ["connect-provider", "disconnect-provider", "redeliver", "test", "rotate-secret", "attach", "detach", "attach-numbers", "detach-numbers", "hangup"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var result = await next(context);
        if (HttpMethods.IsGet(http.Request.Method) || !Succeeded(result)) return result;
        try
        {
            await RecordAsync(context, result);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or OperationCanceledException)
        {
            // The change is made and answered; a lost entry is logged rather than turned into an error.
            LogNotRecorded(http.RequestServices.GetRequiredService<ILogger<AuditFilter>>(), e, targetType, http.Request.Path);
        }
        return result;
    }

    private async Task RecordAsync(EndpointFilterInvocationContext context, object? result)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var data = Data(result, json);
        var caller = http.User.Identity?.IsAuthenticated == true ? Caller.From(http.User) : null;
        var verb = Verb(http);
        // What was made is named by the answer; what was changed, by the route's last parameter.
        var created = DataKeys.Select(k => data?[k]).OfType<JsonValue>().Select(v => v.ToString()).FirstOrDefault();
        var named = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.Parameters
            .Select(p => p.Name).LastOrDefault(n => n != "action") is { } parameter ? http.Request.RouteValues[parameter]?.ToString() : null;
        var target = http.GetEndpoint()?.Metadata.GetMetadata<CreatesResource>() is not null ? created ?? named : named ?? created;
        var fields = Application.AuditTrail.FieldNames(context.Arguments.FirstOrDefault(a => a?.GetType().Name.EndsWith("Request", StringComparison.Ordinal) == true), json);

        // An organization's log holds what was done in it: the tenant's, or the organization just created.
        var tenant = services.GetRequiredService<Tenant>();
        List<int> organizations = tenant.IsResolved ? [tenant.OrganizationId]
            : targetType == "organization" && data?["id"] is JsonValue newOrganization ? [newOrganization.GetValue<int>()]
            : [];
        if (organizations.Count == 0) return;
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await WriteAsync(scope.ServiceProvider.GetRequiredService<PodiumDb>(), http, organizations, caller, targetType, verb, target, fields);
    }

    /// <summary>One entry per organization.</summary>
    private static async Task WriteAsync(
        PodiumDb db, HttpContext http, IReadOnlyList<int> organizations, Caller? caller, string targetType, string verb, string? target, string? fieldsJson)
    {
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        db.AuditLog.AddRange(organizations.Select(org => new AuditEntry
        {
            OrganizationId = org,
            At = now,
            UserId = caller?.UserId,
            KeyPrefix = caller?.KeyPrefix,
            Action = $"{targetType}.{verb}",
            TargetType = targetType,
            TargetId = target?[..Math.Min(target.Length, 255)],
            Fields = fieldsJson?[..Math.Min(fieldsJson.Length, 2000)],
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
            RequestId = http.TraceIdentifier,
        }));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>created, updated, deleted; or the route's own action (cancel, connect_provider...).</summary>
    private static string Verb(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<AuditVerb>() is { } named) return named.Verb;
        if (http.Request.RouteValues["action"] is string action) return action;
        var segments = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.PathSegments;
        var last = segments is { Count: > 0 } ? segments[^1].Parts : null;
        if (last is [RoutePatternLiteralPart literal] && ActionSegments.Contains(literal.Content))
            return literal.Content.Replace('-', '_');
        return http.Request.Method switch
        {
            "POST" => "created",
            "PATCH" => "updated",
            "DELETE" => "deleted",
            _ => http.Request.Method.ToLowerInvariant(),
        };
    }

    private static bool Succeeded(object? result) => Unwrap(result) is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };

    private static JsonObject? Data(object? result, JsonSerializerOptions json) =>
        Unwrap(result) is IValueHttpResult { Value: { } value } && JsonSerializer.SerializeToNode(value, value.GetType(), json) is JsonObject body
            ? body["data"] as JsonObject
            : null;

    /// <summary>The result inside <c>Results&lt;…&gt;</c> wrappers.</summary>
    private static object? Unwrap(object? result)
    {
        while (result is INestedHttpResult nested) result = nested.Result;
        return result;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An audit entry for a {TargetType} change at {Path} could not be written")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string targetType, string path);
}
