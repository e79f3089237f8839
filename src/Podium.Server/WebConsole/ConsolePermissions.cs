using System.Text.RegularExpressions;

namespace Podium.Server.WebConsole;

/// <summary>
/// The console's authorization rules are the API's: the least role of an action is read from the API
/// endpoint that does the same thing (its <see cref="MinimumRole"/>), so a button is shown exactly when
/// the API would allow the call, and a console post is refused exactly when the API would refuse it.
/// </summary>
public sealed partial class ConsolePermissions(EndpointDataSource endpoints)
{
    private Dictionary<string, Role>? _roles;

    /// <summary>The least role for an API operation, e.g. <c>("POST", "spaces")</c> or <c>("POST", "spaces/{spaceToken}/runs/{runId}/{action}")</c>.</summary>
    public Role Required(string method, string route)
    {
        _roles ??= Build();
        return _roles.TryGetValue(Key(method, route), out var role)
            ? role
            : throw new InvalidOperationException($"The console asked about {method} {route}, which is not an API endpoint.");
    }

    public bool Allows(Role role, string method, string route) => role >= Required(method, route);

    private Dictionary<string, Role> Build()
    {
        var roles = new Dictionary<string, Role>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var raw = endpoint.RoutePattern.RawText;
            if (raw is null || !raw.StartsWith(ServerSetup.ApiPrefix, StringComparison.Ordinal)) continue;
            var route = Constraint().Replace(raw[ServerSetup.ApiPrefix.Length..], "{$1}");
            var role = endpoint.Metadata.GetMetadata<MinimumRole>()?.Role ?? Role.Viewer;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                roles[Key(method, route)] = role;
        }
        return roles;
    }

    private static string Key(string method, string route) => $"{method.ToUpperInvariant()} {route.Trim('/')}";

    [GeneratedRegex(@"\{([^}:]+):[^}]+\}")]
    private static partial Regex Constraint();
}
