namespace Podium.Server.Features.Agents;

/// <summary>An agent as the API answers it.</summary>
public static class AgentReader
{
    public static Task<AgentDto> ReadAsync(PodiumDb db, int id, CancellationToken ct) =>
        db.Agents.AsNoTracking().Where(a => a.Id == id).Select(AgentDto.Projection).SingleAsync(ct);

    /// <summary>The handles of the organization's agents whose settings match (a JSON column: read, then matched here).</summary>
    public static async Task<List<string>> HandlesWhereAsync(PodiumDb db, Func<AgentSettings, bool> match, CancellationToken ct) =>
        (await db.Agents.AsNoTracking().Select(a => new { a.Handle, a.Settings }).ToListAsync(ct)).Where(a => match(a.Settings)).Select(a => a.Handle).ToList();
}
