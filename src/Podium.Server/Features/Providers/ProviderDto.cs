using System.Text.Json;
using System.Text.Json.Nodes;
using Podium.Data.Entities;

namespace Podium.Server.Features.Providers;

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
    DateTime CreatedAt,
    DateTime ModifiedAt)
{
    public static ProviderDto From(ProviderConfiguration c, string orgHandle, int numbersCount)
    {
        var details = ProviderCatalogue.BySlug(c.Provider)!;
        return new ProviderDto(
            c.Id, c.Name, c.Provider, details.Id, details, c.AccountSid, orgHandle,
            JsonNode.Parse(c.MetaJson) as JsonArray ?? [], c.Active, c.BaseUrl, c.SipUrl,
            c.SecretNames.Split(',', StringSplitOptions.RemoveEmptyEntries), numbersCount, c.CreatedAt, c.ModifiedAt);
    }

    public static string Meta(IReadOnlyList<MetaEntry>? meta) =>
        JsonSerializer.Serialize(new JsonArray((meta ?? []).Select(m => (JsonNode)new JsonObject
        {
            ["meta_key"] = m.MetaKey,
            ["meta_value"] = m.MetaValue?.DeepClone(),
        }).ToArray()));
}
