using Podium.Server.Features.Telephony.Numbers;

namespace Podium.Server.Features.Telephony.Bridges;

/// <summary>What the bridge operations share: their refusals, how a bridge is loaded and shown, and the agents a request names.</summary>
public static class BridgeRules
{
    public static readonly ApiError NotFound = Api.NotFound("Bridge not found");
    public static readonly ApiError SlugTaken = Api.Conflict("A bridge with this slug already exists.");

    public static IQueryable<Bridge> Loaded(this IQueryable<Bridge> bridges) =>
        bridges.Include(b => b.Numbers).ThenInclude(n => n.ProviderConfiguration).Include(b => b.Agents).AsSplitQuery();

    public static async Task<BridgeDto> ReadAsync(PodiumDb db, Tenant tenant, int id, CancellationToken ct) =>
        BridgeDto.From(await db.Bridges.AsNoTracking().Loaded().SingleAsync(b => b.Id == id, ct), tenant.Organization.DomainHandle);

    public static async Task<Outcome<List<Agent>>> ResolveAgentsAsync(PodiumDb db, IReadOnlyList<string>? handles, CancellationToken ct)
    {
        if (handles is null || handles.Count == 0) return new List<Agent>();
        var agents = await db.Agents.Where(a => handles.Contains(a.Handle)).ToListAsync(ct);
        var errors = new ValidationErrors();
        for (var i = 0; i < handles.Count; i++)
            if (!agents.Exists(a => a.Handle == handles[i]))
                errors.Add($"agents[{i}]", "No agent with this handle in the organization.");
        return errors.Any ? Api.Validation(errors.ToDictionary()) : agents;
    }

    /// <summary>The inventory number named by id (must exist) or by phone number (null when not yet in the inventory).</summary>
    public static async Task<Outcome<PhoneNumber?>> FindNumberAsync(PodiumDb db, Tenant tenant, int? numberId, string? phoneNumber, CancellationToken ct)
    {
        if (numberId is { } id)
            return await db.PhoneNumbers.FirstOrDefaultAsync(n => n.Id == id, ct) is { } byId
                ? byId
                : Api.Validation("number_id", "No number with this id in the organization.");
        var e164 = NumberRules.Normalize(phoneNumber, tenant.Organization.DefaultPhoneRegion);
        if (e164 is null) return Api.Validation("phone_number", "Not a valid phone number.");
        return await db.PhoneNumbers.FirstOrDefaultAsync(n => n.Number == e164, ct);
    }
}
