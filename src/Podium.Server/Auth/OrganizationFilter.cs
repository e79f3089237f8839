using Microsoft.EntityFrameworkCore;
using Podium.Data;
using Podium.Data.Entities;
using Podium.Server.Http;

namespace Podium.Server.Auth;

/// <summary>The least role an endpoint needs; read by <see cref="OrganizationFilter"/>.</summary>
public sealed record MinimumRole(Role Role);

public static class OrganizationFilterExtensions
{
    /// <summary>
    /// Makes the group org-scoped: every endpoint resolves the caller's organization and role
    /// first, so an outsider or a too-low role learns nothing from validation messages.
    /// </summary>
    public static RouteGroupBuilder RequireOrganization(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<OrganizationFilter>();
        return group.WithValidation();
    }

    public static RouteGroupBuilder WithValidation(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<ValidationFilter>();
        return group;
    }

    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, Role role) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MinimumRole(role));
}

/// <summary>
/// Resolves the organization from the <c>{orgHandle}</c> route value or the Org-Handle header,
/// checks the caller's membership and role, and scopes the request's <see cref="PodiumDb"/> to it.
/// Not a member and no such organization look the same: 404.
/// </summary>
public sealed class OrganizationFilter : IEndpointFilter
{
    public const string HeaderName = "Org-Handle";
    public const string RouteKey = "orgHandle";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var handle = http.GetRouteValue(RouteKey) as string ?? http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(handle))
            return new ApiError(StatusCodes.Status400BadRequest, "Org-Handle header is required.");

        var caller = Caller.From(http.User);
        var db = http.RequestServices.GetRequiredService<PodiumDb>();
        var normalized = handle.Trim().ToLowerInvariant();
        var membership = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == caller.UserId && m.Organization.DomainHandle == normalized)
            .Select(m => new { m.Role, m.Organization })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (membership is null)
            return Api.OrganizationNotFound;

        http.RequestServices.GetRequiredService<Tenant>().Resolve(caller.UserId, membership.Organization, membership.Role);
        db.TenantId = membership.Organization.Id;

        var required = http.GetEndpoint()?.Metadata.GetMetadata<MinimumRole>()?.Role ?? Role.Viewer;
        if (membership.Role < required)
            return Api.Forbidden();

        // Every log line written while handling the request names the tenant.
        var logger = http.RequestServices.GetRequiredService<ILogger<OrganizationFilter>>();
        using (logger.BeginScope(new Dictionary<string, object> { ["OrganizationId"] = membership.Organization.Id }))
            return await next(context);
    }
}
