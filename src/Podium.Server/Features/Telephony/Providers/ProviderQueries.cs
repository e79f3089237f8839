namespace Podium.Server.Features.Telephony.Providers;

/// <summary>The organization's provider configurations as the API shows them (never their secrets), for the API and the console.</summary>
public static class ProviderQueries
{
    public static async Task<(List<ProviderDto> Page, int Count)> PageAsync(PodiumDb db, Tenant tenant, Paging paging, string baseUrl, CancellationToken ct)
    {
        var configurations = db.ProviderConfigurations.AsNoTracking();
        var count = await configurations.CountAsync(ct);
        var page = await paging.Apply(configurations.OrderByDescending(c => c.Id), pageAll: true)
            .Select(c => new { Configuration = c, Numbers = db.PhoneNumbers.Count(n => n.ProviderConfigurationId == c.Id) })
            .ToListAsync(ct);
        return (page.ConvertAll(p => ProviderDto.From(p.Configuration, tenant, p.Numbers, baseUrl)), count);
    }
}
