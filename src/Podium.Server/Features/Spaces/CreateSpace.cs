namespace Podium.Server.Features.Spaces;

/// <summary>Creates a space in the acting organization; its creator can see it even when it is private.</summary>
public static class CreateSpace
{
    public static async Task<Outcome<SpaceDto>> RunAsync(CreateSpaceRequest request, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var db = context.Db;
        var organizationId = context.Tenant.OrganizationId;
        var agent = await SpaceRules.ResolveAgentAsync(db, request.AgentHandle, spaceId: null, ct);
        if (agent.Error is not null) return agent.Error;
        var members = await SpaceRules.ResolveMembersAsync(db, organizationId, request.Members, ct);
        if (members.Error is not null) return members.Error;

        var now = context.Now;
        var creator = context.Tenant.ActingUserId;
        var space = new Space
        {
            OrganizationId = organizationId,
            Name = request.Name.Trim(),
            Slug = Identifiers.Slug(request.Name),
            Token = Identifiers.SpaceToken(),
            Description = request.Description ?? "",
            Logo = string.IsNullOrEmpty(request.Logo) ? null : request.Logo,
            PrivacyType = request.PrivacyType,
            SpaceType = request.SpaceType ?? "general",
            ContentType = request.ContentType ?? "general",
            AgentId = agent.Value?.Id,
            MaxConcurrency = request.MaxConcurrency,
            CreatedByUserId = creator,
            CreatedAt = now,
            ModifiedAt = now,
        };
        var memberIds = members.Value!.ToHashSet();
        // Whoever makes a private space can see it.
        if (space.PrivacyType == PrivacyType.Private && creator is { } user) memberIds.Add(user);
        space.Members.AddRange(memberIds.Select(id => new SpaceMember { OrganizationId = organizationId, UserId = id }));
        db.Spaces.Add(space);
        context.Record("space", "created", space.Token, request);
        await db.SaveChangesAsync(ct);
        return await SpaceReader.ReadAsync(db, space.Id, ct);
    }
}
