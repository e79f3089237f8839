using Podium.Server.Engine;

namespace Podium.Server.Features.Telephony.Numbers;

/// <summary>What the number operations share: reading a number as the organization writes it, and finding it in the inventory.</summary>
public static class NumberRules
{
    public static readonly ApiError NotFound = Api.NotFound("Telephony number not found");

    /// <summary>E.164 for a number written with or without its country code (the org's region by default).</summary>
    public static string? Normalize(string? number, string defaultRegion) =>
        string.IsNullOrWhiteSpace(number) ? null : Recipients.Parse(number, defaultRegion)?.E164;

    /// <summary>Each number as sent, in E.164 where it reads as one, with its inventory entry (null when it has none).</summary>
    public static async Task<List<(string Text, PhoneNumber? Number)>> FindAsync(PodiumDb db, Tenant tenant, IReadOnlyList<string> numbers, CancellationToken ct)
    {
        var normalized = numbers.Select(n => (Text: n ?? "", E164: Normalize(n, tenant.Organization.DefaultPhoneRegion))).ToList();
        var wanted = normalized.Select(n => n.E164).OfType<string>().Distinct().ToList();
        var stored = await db.PhoneNumbers.Include(n => n.ProviderConfiguration).Where(n => wanted.Contains(n.Number)).ToDictionaryAsync(n => n.Number, ct);
        return normalized.ConvertAll(n => (n.E164 ?? n.Text, n.E164 is null ? null : stored.GetValueOrDefault(n.E164)));
    }

    public static NumberResultDto NotInInventory(string number, Tenant tenant) => Refused(number, 0,
        Normalize(number, tenant.Organization.DefaultPhoneRegion) is null
            ? "Not a valid phone number."
            : "The number is not in the organization's inventory; add it with POST telephony/numbers/ (or a bridge's connect-provider) first.");

    public static NumberResultDto Refused(string number, int id, string error) => new(id, number, NumberLink.NotLinked, null, false, error);

    /// <summary>A 400 naming each number's reason, for a request of which no number went through.</summary>
    public static ApiError NoneWentThrough(IEnumerable<(string Reason, int Index)> refusals, string field) =>
        Api.Validation(refusals.ToDictionary(r => $"{field}[{r.Index}]", r => new[] { r.Reason }));
}
