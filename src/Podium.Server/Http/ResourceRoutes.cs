namespace Podium.Server.Http;

/// <summary>
/// A resource of the organization that its members read and its admins change, at <paramref name="Path"/>
/// with one item at <c>Path/Key</c>. <paramref name="Id"/> names its operations (<c>listTrunks</c>,
/// <c>getTrunk</c>...), <paramref name="Title"/> their summaries ("List SIP trunks", "Get a SIP trunk"...).
/// </summary>
public sealed record Resource(string Path, string Tag, string Key, string Id, string Title)
{
    private string One => ("aeiou".Contains(Title[0], StringComparison.Ordinal) ? "an " : "a ") + Title;

    /// <summary>List, get, create (201), update and delete under one group, which is returned for the resource's other routes.</summary>
    public RouteGroupBuilder Map(RouteGroupBuilder api, Delegate list, Delegate get, Delegate create, Delegate update, Delegate delete)
    {
        var group = api.MapGroup(Path).WithTags(Tag).RequireOrganization();
        var item = "/" + Key;
        group.MapGet("/", list).Describe($"list{Id}s", $"List {Title}s");
        group.MapGet(item, get).Describe($"get{Id}", $"Get {One}");
        group.MapPost("/", create).Describe($"create{Id}", $"Create {One}").RequireRole(Role.Admin).Creates().ValidatedByOperation();
        group.MapPatch(item, update).Describe($"update{Id}", $"Update {One}").RequireRole(Role.Admin).ValidatedByOperation();
        group.MapDelete(item, delete).Describe($"delete{Id}", $"Delete {One}").RequireRole(Role.Admin);
        return group;
    }
}
