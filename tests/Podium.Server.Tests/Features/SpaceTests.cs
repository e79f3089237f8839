using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Features;

public abstract class SpaceTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private const string Forbidden = "You do not have permission to perform this action.";

    private async Task<JsonNode> CreateSpaceAsync(TestOrg org, object body)
    {
        var response = await ClientFor(org, org.Admin).PostJson($"{Prefix}/spaces/", body);
        return (await ApiAssert.Envelope(response, HttpStatusCode.Created, "Space created successfully"))["data"]!;
    }

    private async Task<string> CreateAgentAsync(TestOrg org, string? spaceToken = null)
    {
        var response = await ClientFor(org, org.Admin).PostJson($"{Prefix}/agents/", new { name = "Caller", state = "published", space_token = spaceToken });
        return (await ApiAssert.Envelope(response, HttpStatusCode.Created, "Agent created successfully"))["data"]!["handle"]!.GetValue<string>();
    }

    [Fact]
    public async Task CreateSpace_AsAdmin_ReturnsTheContractObject()
    {
        var org = await NewOrgAsync();
        var agent = await CreateAgentAsync(org);
        var space = await CreateSpaceAsync(org, new { name = "Sales Outreach Q1", content_type = "contact", space_type = "contact", agent_handle = agent });

        Assert.Matches("^[A-Z0-9]{24}$", space["token"]!.GetValue<string>());
        Assert.Matches("^sales-outreach-q1-[a-z0-9]{8}$", space["slug"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.String, space["id"]!.GetValueKind());
        Assert.Equal("shared", space["privacy_type"]!.GetValue<string>());
        Assert.Equal(agent, space["agent_handle"]!.GetValue<string>());
        Assert.Equal(org.Handle, space["organization"]!["domain_handle"]!.GetValue<string>());
        Assert.Null(space["logo"]);
        Assert.EndsWith("Z", space["created_at"]!.GetValue<string>(), StringComparison.Ordinal);
        var agentRef = Assert.Single(space["agents"]!.AsArray())!;
        Assert.Equal("Voice", agentRef["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetSpace_ByToken_IncludesAgentsAndBothShapes()
    {
        var org = await NewOrgAsync();
        var space = await CreateSpaceAsync(org, new { name = "Support" });
        var token = space["token"]!.GetValue<string>();
        var bound = await CreateAgentAsync(org, token);

        var body = await ApiAssert.Ok(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/{token}/"), "Space fetched successfully");
        var data = body["data"]!;
        Assert.Equal(bound, Assert.Single(data["agents"]!.AsArray())!["handle"]!.GetValue<string>());
        foreach (var field in new[] { "id", "name", "slug", "token", "description", "privacy_type", "space_type", "content_type", "organization", "created_at", "created", "modified" })
            Assert.True(data.AsObject().ContainsKey(field), field);
        Assert.True(data.AsObject().ContainsKey("agent_handle"));
    }

    [Fact]
    public async Task ListSpaces_HidesPrivateSpacesFromNonMembers()
    {
        var org = await NewOrgAsync();
        await CreateSpaceAsync(org, new { name = "Open" });
        var secret = await CreateSpaceAsync(org, new { name = "Secret", privacy_type = "private", members = new[] { org.Member.Email } });
        var token = secret["token"]!.GetValue<string>();

        async Task<int> CountFor(TestUser user) =>
            (await ApiAssert.Ok(await ClientFor(org, user).GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully"))["count"]!.GetValue<int>();

        Assert.Equal(2, await CountFor(org.Admin));
        Assert.Equal(2, await CountFor(org.Member));
        Assert.Equal(1, await CountFor(org.Viewer));
        await ApiAssert.Error(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/{token}/"), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Ok(await ClientFor(org, org.Member).GetAsync($"{Prefix}/spaces/{token}/"), "Space fetched successfully");
    }

    [Fact]
    public async Task GetSpace_OfAnotherOrg_Is404()
    {
        var mine = await NewOrgAsync();
        var theirs = await NewOrgAsync();
        var token = (await CreateSpaceAsync(theirs, new { name = "Theirs" }))["token"]!.GetValue<string>();
        var client = ClientFor(mine, mine.Admin);
        await ApiAssert.Error(await client.GetAsync($"{Prefix}/spaces/{token}/"), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await client.PatchJson($"{Prefix}/spaces/{token}/", new { name = "Mine" }), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await client.DeleteAsync($"{Prefix}/spaces/{token}/"), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await client.GetAsync($"{Prefix}/spaces/NOSUCHTOKEN0000000000000/"), HttpStatusCode.NotFound, "Space not found");
    }

    [Fact]
    public async Task CreateSpace_WithAnotherOrgsAgent_Is400()
    {
        var mine = await NewOrgAsync();
        var theirs = await NewOrgAsync();
        var agent = await CreateAgentAsync(theirs);
        await ApiAssert.Invalid(await ClientFor(mine, mine.Admin).PostJson($"{Prefix}/spaces/", new { name = "x", agent_handle = agent }), "agent_handle");
    }

    [Theory]
    [InlineData("{\"name\": \"  \"}", "name")]
    [InlineData("{\"description\": \"no name\"}", "name")]
    [InlineData("{\"name\": \"x\", \"space_type\": \"galaxy\"}", "space_type")]
    [InlineData("{\"name\": \"x\", \"content_type\": \"video\"}", "content_type")]
    [InlineData("{\"name\": \"x\", \"logo\": \"javascript:alert(1)\"}", "logo")]
    [InlineData("{\"name\": \"x\", \"members\": [\"nobody@nowhere.test\"]}", "members[0]")]
    [InlineData("{\"name\": \"x\", \"members\": [null]}", "members[0]")]
    [InlineData("{\"name\": \"x\", \"max_concurrency\": -1}", "max_concurrency")]
    public async Task CreateSpace_WithInvalidFields_Is400(string json, string field)
    {
        var org = await NewOrgAsync();
        await ApiAssert.Invalid(await ClientFor(org, org.Admin).PostRaw($"{Prefix}/spaces/", json), field);
    }

    [Fact]
    public async Task CreateSpace_WithAnyValueInAnyField_IsNeverA500()
    {
        var org = await NewOrgAsync();
        var template = $$"""
            {"name": "Fuzz", "description": "d", "logo": "https://example.test/l.png", "privacy_type": "private", "space_type": "contact",
             "content_type": "contact", "agent_handle": "", "members": ["{{org.Member.Email}}"], "max_concurrency": 5}
            """;
        await JsonFuzz.NeverA500Async(ClientFor(org, org.Admin), $"{Prefix}/spaces/", template);
    }

    [Fact]
    public async Task SpaceWrites_AsMemberOrViewer_Are403()
    {
        var org = await NewOrgAsync();
        var token = (await CreateSpaceAsync(org, new { name = "Kept" }))["token"]!.GetValue<string>();
        foreach (var user in new[] { org.Member, org.Viewer })
        {
            var client = ClientFor(org, user);
            await ApiAssert.Error(await client.PostJson($"{Prefix}/spaces/", new { name = "x" }), HttpStatusCode.Forbidden, Forbidden);
            await ApiAssert.Error(await client.PatchJson($"{Prefix}/spaces/{token}/", new { name = "y" }), HttpStatusCode.Forbidden, Forbidden);
            await ApiAssert.Error(await client.DeleteAsync($"{Prefix}/spaces/{token}/"), HttpStatusCode.Forbidden, Forbidden);
        }
        await ApiAssert.Ok(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/{token}/"), "Space fetched successfully");
    }

    [Fact]
    public async Task UpdateSpace_ChangesOnlyGivenFields()
    {
        var org = await NewOrgAsync();
        var created = await CreateSpaceAsync(org, new { name = "Before", description = "kept", logo = "https://example.test/logo.png" });
        var token = created["token"]!.GetValue<string>();
        var body = await ApiAssert.Ok(await ClientFor(org, org.Admin).PatchJson($"{Prefix}/spaces/{token}/", new { name = "After", logo = "" }), "Space updated successfully");
        Assert.Equal("After", body["data"]!["name"]!.GetValue<string>());
        Assert.Equal("kept", body["data"]!["description"]!.GetValue<string>());
        Assert.Null(body["data"]!["logo"]);
        Assert.Equal(created["slug"]!.GetValue<string>(), body["data"]!["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateSpace_MakingItPrivate_HidesItFromViewers()
    {
        var org = await NewOrgAsync();
        var token = (await CreateSpaceAsync(org, new { name = "Soon private" }))["token"]!.GetValue<string>();
        await ApiAssert.Ok(await ClientFor(org, org.Admin).PatchJson($"{Prefix}/spaces/{token}/", new { privacy_type = "private", members = new[] { org.Member.Email } }), "Space updated successfully");
        await ApiAssert.Error(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/{token}/"), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Ok(await ClientFor(org, org.Member).GetAsync($"{Prefix}/spaces/{token}/"), "Space fetched successfully");
    }

    [Fact]
    public async Task DeleteSpace_RemovesItFromListAndLookup()
    {
        var org = await NewOrgAsync();
        var token = (await CreateSpaceAsync(org, new { name = "Doomed" }))["token"]!.GetValue<string>();
        var client = ClientFor(org, org.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{Prefix}/spaces/{token}/")).StatusCode);
        await ApiAssert.Error(await client.GetAsync($"{Prefix}/spaces/{token}/"), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await client.DeleteAsync($"{Prefix}/spaces/{token}/"), HttpStatusCode.NotFound, "Space not found");
        var list = await ApiAssert.Ok(await client.GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully");
        Assert.Equal(0, list["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListSpaces_IsNewestFirst()
    {
        var org = await NewOrgAsync();
        await CreateSpaceAsync(org, new { name = "First" });
        await CreateSpaceAsync(org, new { name = "Second" });
        var body = await ApiAssert.Ok(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully");
        Assert.Equal(["Second", "First"], body["data"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
    }
}

public sealed class SpaceTestsOnSqlite(PodiumApp<Sqlite> app) : SpaceTests<Sqlite>(app);

public sealed class SpaceTestsOnPostgres(PodiumApp<Postgres> app) : SpaceTests<Postgres>(app);
