namespace Podium.Server.Features.Spaces;

/// <summary>A space as the API answers it, for the endpoints, the console and the admin commands.</summary>
public static class SpaceReader
{
    /// <summary>The space with this token, if the caller may see it.</summary>
    public static async Task<SpaceDto?> FindAsync(PodiumDb db, string token, CancellationToken ct)
    {
        var space = await db.Spaces.AsNoTracking().Where(s => s.Token == token).Select(SpaceDto.Projection).FirstOrDefaultAsync(ct);
        return space is null ? null : await WithAgentsAsync(db, space, ct);
    }

    public static async Task<SpaceDto> ReadAsync(PodiumDb db, int id, CancellationToken ct) =>
        await WithAgentsAsync(db, await db.Spaces.AsNoTracking().Where(s => s.Id == id).Select(SpaceDto.Projection).SingleAsync(ct), ct);

    /// <summary>The space with its agents: its default agent and the agents bound to it.</summary>
    private static async Task<SpaceDto> WithAgentsAsync(PodiumDb db, SpaceDto space, CancellationToken ct) =>
        space with
        {
            Agents = await db.Agents.AsNoTracking()
                .Where(a => a.SpaceId == space.Id || a.Handle == space.AgentHandle)
                .OrderBy(a => a.Id)
                .Select(a => new AgentRef(a.Name, a.Handle, a.Type))
                .ToListAsync(ct),
        };
}
