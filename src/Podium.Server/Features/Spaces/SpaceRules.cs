namespace Podium.Server.Features.Spaces;

/// <summary>What a space may refer to: an agent of the organization, members of the organization. The db must be tenant-scoped.</summary>
public static class SpaceRules
{
    /// <summary>The agent named by handle, if it is the org's and not bound to another space; null for no handle.</summary>
    public static async Task<Outcome<Agent?>> ResolveAgentAsync(PodiumDb db, string? handle, int? spaceId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(handle)) return new Outcome<Agent?>(null, null);
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.Handle == handle, ct);
        if (agent is null)
            return Api.Validation("agent_handle", "No agent with this handle in the organization.");
        if (agent.SpaceId is { } bound && bound != spaceId)
            return Api.Validation("agent_handle", "This agent is bound to another space.");
        return agent;
    }

    /// <summary>User ids for member emails; each must belong to the organization.</summary>
    public static async Task<Outcome<List<int>>> ResolveMembersAsync(
        PodiumDb db, int organizationId, IReadOnlyList<string>? emails, CancellationToken ct)
    {
        if (emails is null || emails.Count == 0) return new List<int>();
        var normalized = emails.Select(e => e.Trim().ToLowerInvariant()).ToList();
        var found = await db.Memberships
            .Where(m => m.OrganizationId == organizationId && normalized.Contains(m.User.Email))
            .Select(m => new { m.UserId, m.User.Email })
            .ToListAsync(ct);
        var errors = new ValidationErrors();
        for (var i = 0; i < normalized.Count; i++)
            if (!found.Exists(f => f.Email == normalized[i]))
                errors.Add($"members[{i}]", "Not a member of the organization.");
        if (errors.Any) return Api.Validation(errors.ToDictionary());
        return found.ConvertAll(f => f.UserId);
    }
}
