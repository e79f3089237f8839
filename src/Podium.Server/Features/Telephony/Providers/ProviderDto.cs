namespace Podium.Server.Features.Telephony.Providers;

/// <summary>
/// Both doc generations' fields (the new <c>provider</c> slug and <c>account_sid</c>, the old
/// <c>provider_details</c>, <c>meta_json</c>, <c>base_url</c>...). Secrets are never in it:
/// <c>secrets_set</c> names the ones stored.
/// </summary>
public sealed record ProviderDto(
    int Id,
    string Name,
    string Provider,
    int ProviderId,
    ProviderDetails ProviderDetails,
    string? AccountSid,
    string OrgHandle,
    JsonArray MetaJson,
    bool Active,
    string? BaseUrl,
    string? SipUrl,
    IReadOnlyList<string> SecretsSet,
    int NumbersCount,
    int? MaxConcurrentCalls,
    double? CallsPerSecond,
    string EventsUrl,
    DateTime CreatedAt,
    DateTime ModifiedAt)
{
    /// <summary>The configuration as <paramref name="tenant"/> sees it: non-admins get its URLs without credentials.</summary>
    public static ProviderDto From(ProviderConfiguration c, Tenant tenant, int numbersCount, string baseUrl)
    {
        var details = ProviderCatalogue.BySlug(c.Provider)!;
        string? Shown(string? url) => tenant.IsAdmin ? url : UrlRedaction.Redact(url);
        return new ProviderDto(
            c.Id, c.Name, c.Provider, details.Id, details, c.AccountSid, tenant.Organization.DomainHandle,
            JsonNode.Parse(c.MetaJson) as JsonArray ?? [], c.Active, Shown(c.BaseUrl), Shown(c.SipUrl),
            c.SecretNames.Split(',', StringSplitOptions.RemoveEmptyEntries), numbersCount, c.MaxConcurrentCalls, c.CallsPerSecond,
            EventsPath(baseUrl, c), c.CreatedAt, c.ModifiedAt);
    }

    /// <summary>Where the provider sends this configuration's call events (set it as the account's or assistant's webhook URL).</summary>
    public static string EventsPath(string baseUrl, ProviderConfiguration c) => $"{baseUrl}/api/v2/platform/telephony/events/{c.Provider}/{c.Id}/";

    public static string Meta(IReadOnlyList<MetaEntry>? meta) =>
        JsonSerializer.Serialize(new JsonArray((meta ?? []).Select(m => (JsonNode)new JsonObject
        {
            ["meta_key"] = m.MetaKey,
            ["meta_value"] = m.MetaValue?.DeepClone(),
        }).ToArray()));
}
