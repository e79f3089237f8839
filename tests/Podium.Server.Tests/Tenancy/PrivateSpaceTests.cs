using System.Net;
using System.Text.Json.Nodes;
using Podium.Data.Entities;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Tenancy;

/// <summary>
/// Nothing of a private space reaches a member or viewer who is not in it, through any GET endpoint of
/// the OpenAPI document: runs, tasks, documents, call logs, agents bound to it, aggregates.
/// </summary>
public abstract class PrivateSpaceTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    private sealed record World(
        TestOrg Org, TestUser Insider, string Shared, string Hidden, string FreeAgent, string BoundAgent,
        string SharedRun, string HiddenRun, string SharedDocument, string HiddenDocument, string HiddenTask, IReadOnlyList<string> Secrets);

    [Fact]
    public async Task EveryGetEndpoint_ShowsOutsidersNothingOfAPrivateSpace()
    {
        var world = await BuildAsync();
        var urls = await EveryGetUrlAsync(world);
        Assert.True(urls.Count > 40, $"only {urls.Count} URLs were tried");

        foreach (var outsider in new[] { world.Org.Viewer, world.Org.Member })
        {
            var client = world.Org.Client(App, outsider);
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode} {body}");
                foreach (var secret in world.Secrets)
                    Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{url} showed {secret} to a non-member: {body}");
            }
        }

        // The secrets are real: an admin and a member of the space see them.
        foreach (var insider in new[] { world.Org.Admin, world.Insider })
        {
            var client = world.Org.Client(App, insider);
            var seen = string.Concat(await Task.WhenAll(urls.Select(async u => await (await client.GetAsync(u)).Content.ReadAsStringAsync())));
            Assert.All(world.Secrets, s => Assert.Contains(s, seen, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Aggregates_CountOnlyTheSpacesTheCallerSees()
    {
        var world = await BuildAsync();
        async Task<JsonNode> Read(TestUser user, string path, string message) =>
            (await ApiAssert.Ok(await world.Org.Client(App, user).GetAsync($"{Prefix}/{path}"), message))["data"]!;

        var asAdmin = await Read(world.Org.Admin, "organisation/analytics/", "Analytics fetched successfully");
        var asViewer = await Read(world.Org.Viewer, "organisation/analytics/", "Analytics fetched successfully");
        Assert.Equal(6, asAdmin["total_calls"]!.GetValue<int>());
        Assert.Equal(2, asViewer["total_calls"]!.GetValue<int>());
        var adminBill = (await Read(world.Org.Admin, "organisation/billing/", "Billing data fetched successfully"))[0]!;
        var viewerBill = (await Read(world.Org.Viewer, "organisation/billing/", "Billing data fetched successfully"))[0]!;
        Assert.Equal(6, adminBill["calls"]!.GetValue<int>());
        Assert.Equal(2, viewerBill["calls"]!.GetValue<int>());
        var countAsViewer = (await ApiAssert.Ok(await world.Org.Client(App, world.Org.Viewer).GetAsync($"{Prefix}/call-logs/"), "Call logs fetched successfully"))["count"]!.GetValue<int>();
        Assert.Equal(2, countAsViewer);
    }

    [Fact]
    public async Task RunsOfAnAgentLaterBoundToAPrivateSpace_StayListedWhereTheyRan()
    {
        var world = await BuildAsync();
        var admin = world.Org.Client(App, world.Org.Admin);
        await ApiAssert.Ok(await admin.PatchJson($"{Prefix}/agents/{world.FreeAgent}/", new { space_token = world.Hidden }), "Agent updated successfully");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Prefix}/agents/{world.FreeAgent}/")).StatusCode);

        var viewer = world.Org.Client(App, world.Org.Viewer);
        var runs = await ApiAssert.Ok(await viewer.GetAsync($"{Prefix}/spaces/{world.Shared}/runs/"), "Runs Fetched Successfully");
        Assert.Equal(world.SharedRun, Assert.Single(runs["data"]!.AsArray())!["run_id"]!.GetValue<string>());
        var tasks = await ApiAssert.Ok(await viewer.GetAsync($"{Prefix}/spaces/{world.Shared}/tasks/"), "Tasks Fetched Successfully");
        Assert.Equal(2, tasks["data"]!.AsArray().Count);
        Assert.Equal(2, (await ApiAssert.Ok(await viewer.GetAsync($"{Prefix}/call-logs/"), "Call logs fetched successfully"))["data"]!.AsArray().Count);
    }

    /// <summary>
    /// An organization with a shared and a private contact space. An agent bound to no space calls in
    /// both; an agent bound to the private space calls there. Everything has run to its end.
    /// </summary>
    private async Task<World> BuildAsync()
    {
        var org = await TestOrg.CreateAsync(App);
        var insider = await org.AddUserAsync(App, Role.Viewer);
        var admin = org.Client(App, org.Admin);
        async Task<string> Space(object body) =>
            (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", body), HttpStatusCode.Created))["data"]!["token"]!.GetValue<string>();
        async Task<string> Agent(string? space) =>
            (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "Caller", state = "published", space_token = space, simulation = new { latency_ms = 0 } }),
                HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();
        var shared = await Space(new { name = "Open", content_type = "contact" });
        var hidden = await Space(new { name = "Secret", content_type = "contact", privacy_type = "private", members = new[] { insider.Email } });
        var free = await Agent(null);
        var bound = await Agent(hidden);

        object Documents(string who, int from) => Enumerable.Range(0, 2).Select(i => new { name = $"{who} Person {i}", contact_number = $"+1415555{from + i:0000}" }).ToArray();
        async Task<string> Run(string space, string agent, object documents) =>
            (await ApiAssert.Ok(await admin.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new { pilot = agent, documents }), "Task Created Successfully"))["data"]!["run_id"]!.GetValue<string>();
        var sharedRun = await Run(shared, free, Documents("Open", 1000));
        var hiddenRun = await Run(hidden, free, Documents("Secret", 2000));
        var boundRun = await Run(hidden, bound, Documents("Classified", 3000));
        await App.RunEngineAsync();

        var hiddenTasks = (await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/spaces/{hidden}/tasks/?page_size=500"), "Tasks Fetched Successfully"))["data"]!.AsArray();
        string FirstDocument(JsonNode list) => list["data"]![0]!["document_id"]!.GetValue<string>();
        var sharedDocument = FirstDocument(await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/spaces/{shared}/documents/"), "Documents fetched successfully"));
        var hiddenDocument = FirstDocument(await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/spaces/{hidden}/documents/"), "Documents fetched successfully"));
        string[] secrets =
        [
            hidden, hiddenRun, boundRun, bound, "Secret Person", "Classified Person", "+14155552000", "+14155553001", hiddenDocument,
            .. hiddenTasks.Select(t => t!["task_id"]!.GetValue<string>()),
        ];
        return new World(org, insider, shared, hidden, free, bound, sharedRun, hiddenRun, sharedDocument, hiddenDocument,
            hiddenTasks[0]!["task_id"]!.GetValue<string>(), secrets);
    }

    /// <summary>Every GET operation of the served OpenAPI document, with each path parameter filled in every way that matters.</summary>
    private async Task<List<string>> EveryGetUrlAsync(World world)
    {
        var document = JsonNode.Parse(await App.Client().GetStringAsync("/openapi/v1.json"))!;
        var values = new Dictionary<string, string[]>
        {
            ["orgHandle"] = [world.Org.Handle],
            ["spaceToken"] = [world.Shared, world.Hidden],
            ["agentHandle"] = [world.FreeAgent, world.BoundAgent],
            ["runId"] = [world.SharedRun, world.HiddenRun],
            ["documentId"] = [world.SharedDocument, world.HiddenDocument],
            ["id"] = ["1"],
            ["slug"] = ["any"],
            ["profileId"] = ["VP000000000000000000000000"],
            // A call is a task: one of the private space's must not be readable as a call either.
            ["callId"] = [world.HiddenTask],
        };
        var urls = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            if (operations!["get"] is not { } get) continue;
            var expanded = new List<string> { path };
            foreach (var parameter in get["parameters"]?.AsArray().Where(p => p!["in"]!.GetValue<string>() == "path") ?? [])
            {
                var name = parameter!["name"]!.GetValue<string>();
                Assert.True(values.ContainsKey(name), $"no test values for the path parameter {{{name}}} of {path}");
                expanded = [.. expanded.SelectMany(u => values[name].Select(v => u.Replace($"{{{name}}}", v, StringComparison.Ordinal)))];
            }
            var query = get["parameters"]?.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToHashSet() ?? [];
            foreach (var url in expanded)
            {
                urls.Add(url + (query.Contains("page_size") ? "/?page_size=500" : "/"));
                if (query.Contains("space_token")) urls.Add($"{url}/?space_token={world.Hidden}");
                if (query.Contains("run_id")) urls.Add($"{url}/?run_id={world.HiddenRun}&page_size=500");
                if (query.Contains("q")) urls.Add($"{url}/?q=secret&page_size=500");
            }
        }
        return urls;
    }
}

public sealed class PrivateSpaceTestsOnSqlite(EngineApp<Sqlite> app) : PrivateSpaceTests<Sqlite>(app);

public sealed class PrivateSpaceTestsOnPostgres(EngineApp<Postgres> app) : PrivateSpaceTests<Postgres>(app);
