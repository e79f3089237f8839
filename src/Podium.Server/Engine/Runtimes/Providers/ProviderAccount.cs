using Podium.Server.Storage;

namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>An organization's provider configuration with its secrets opened: lives only for one request to the provider or one event.</summary>
public sealed record ProviderAccount(int Id, int OrganizationId, string Provider, string? AccountSid, IReadOnlyDictionary<string, string> Secrets, string? BaseUrl)
{
    public string? Secret(string name) => Secrets.TryGetValue(name, out var value) ? value : null;

    /// <summary>The API origin: the configuration's <c>base_url</c> (a regional edge, an egress proxy, a test double) or the provider's own.</summary>
    public Uri Url(string defaultOrigin, string path) => new((BaseUrl ?? defaultOrigin).TrimEnd('/') + path);

    /// <summary>Opens an active configuration of <paramref name="provider"/>; <paramref name="organizationId"/> null for an event, which names the configuration alone.</summary>
    public static async Task<ProviderAccount?> FindAsync(PodiumDb db, ProviderSecrets secrets, int? id, int? organizationId, string provider, CancellationToken ct)
    {
        if (id is null) return null;
        var c = await db.ProviderConfigurations.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Id == id && c.Provider == provider && c.Active && (organizationId == null || c.OrganizationId == organizationId))
            .FirstOrDefaultAsync(ct);
        return c is null ? null : new ProviderAccount(c.Id, c.OrganizationId, c.Provider, c.AccountSid, secrets.Unprotect(c.ProtectedSecrets), c.BaseUrl);
    }
}
