namespace Podium.Server.Features.Agents;

/// <summary>An agent as the API answers it.</summary>
public static class AgentReader
{
    public static Task<AgentDto> ReadAsync(PodiumDb db, int id, CancellationToken ct) =>
        db.Agents.AsNoTracking().Where(a => a.Id == id).Select(AgentDto.Projection).SingleAsync(ct);
}
