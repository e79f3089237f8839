namespace Podium.Server.Features.Spaces;

/// <summary>Changes the fields sent, and only those; members sent replace the space's members.</summary>
public static class UpdateSpace
{
    public static async Task<Outcome<SpaceDto>> RunAsync(string spaceToken, UpdateSpaceRequest request, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var db = context.Db;
        if (await db.Spaces.Include(s => s.Members).FirstOrDefaultAsync(s => s.Token == spaceToken, ct) is not { } space) return Api.SpaceNotFound;

        if (request.AgentHandle is not null)
        {
            var agent = await SpaceRules.ResolveAgentAsync(db, request.AgentHandle, space.Id, ct);
            if (agent.Error is not null) return agent.Error;
            space.AgentId = agent.Value?.Id;
        }
        if (request.Members is not null)
        {
            var members = await SpaceRules.ResolveMembersAsync(db, space.OrganizationId, request.Members, ct);
            if (members.Error is not null) return members.Error;
            space.Members.RemoveAll(m => !members.Value!.Contains(m.UserId));
            space.Members.AddRange(members.Value!.Where(id => !space.Members.Exists(m => m.UserId == id))
                .Select(id => new SpaceMember { OrganizationId = space.OrganizationId, UserId = id }));
        }
        if (request.Name is not null) space.Name = request.Name.Trim();
        if (request.Description is not null) space.Description = request.Description;
        if (request.Logo is not null) space.Logo = request.Logo.Length == 0 ? null : request.Logo;
        if (request.PrivacyType is { } privacy) space.PrivacyType = privacy;
        if (request.SpaceType is not null) space.SpaceType = request.SpaceType;
        if (request.ContentType is not null) space.ContentType = request.ContentType;
        if (request.MaxConcurrency is { } cap) space.MaxConcurrency = cap;
        space.ModifiedAt = context.Now;
        context.Record("space", "updated", spaceToken, request);
        await db.SaveChangesAsync(ct);
        return await SpaceReader.ReadAsync(db, space.Id, ct);
    }
}
