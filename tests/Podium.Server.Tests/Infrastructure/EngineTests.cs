using System.Net;
using System.Text.Json.Nodes;

namespace Podium.Server.Tests.Infrastructure;

/// <summary>Base of the engine test classes on the usual engine app.</summary>
public abstract class EngineTests<TDb>(EngineApp<TDb> app) : EngineTestBase<TDb>(app), IClassFixture<EngineApp<TDb>> where TDb : TestDatabase, new();

/// <summary>An organization, a contact space and helpers to run work, on whichever engine app the test class uses.</summary>
public abstract class EngineTestBase<TDb> where TDb : TestDatabase, new()
{
    protected const string Prefix = "/api/v2/platform";

    protected EngineTestBase(EngineApp<TDb> app)
    {
        Assert.SkipWhen(app.Database.Unavailable is not null, app.Database.Unavailable ?? "");
        App = app;
    }

    protected EngineApp<TDb> App { get; }

    /// <summary>A new org with a contact space and a published simulated agent (no latency) configured by <paramref name="agent"/>.</summary>
    protected async Task<(TestOrg Org, string Space, string Agent)> SetUpAsync(object? agent = null)
    {
        var org = await TestOrg.CreateAsync(App);
        var admin = org.Client(App, org.Admin);
        var space = await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", new { name = "Calls", content_type = "contact" }), HttpStatusCode.Created);
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(agent ?? new { }))!.AsObject();
        body["name"] ??= "Caller";
        body["state"] ??= "published";
        body["simulation"] ??= new JsonObject();
        body["simulation"]!["latency_ms"] ??= 0;
        var created = await ApiAssert.Envelope(await admin.PostAsync($"{Prefix}/agents/", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.Created);
        return (org, space["data"]!["token"]!.GetValue<string>(), created["data"]!["handle"]!.GetValue<string>());
    }

    /// <summary>A new org with a contact space and a published webhook agent at <paramref name="url"/>, one attempt per task.</summary>
    protected async Task<(TestOrg Org, string Space, string Agent)> WebhookAgentAsync(string url)
    {
        var (org, space, _) = await SetUpAsync();
        var created = await ApiAssert.Envelope(await org.Client(App, org.Admin).PostJson($"{Prefix}/agents/",
            new { name = "Hook", state = "published", runtime = new { type = "webhook", url }, retry = new { max_attempts = 1 } }), HttpStatusCode.Created);
        return (org, space, created["data"]!["handle"]!.GetValue<string>());
    }

    protected static object[] Contacts(int count) =>
        Enumerable.Range(0, count).Select(i => (object)new { name = $"Contact {i}", contact_number = $"+1415555{i:0000}" }).ToArray();

    /// <summary>Creates a run and returns its id.</summary>
    protected async Task<string> CreateRunAsync(TestOrg org, string space, object body)
    {
        var response = await org.Client(App, org.Member).PostJson($"{Prefix}/spaces/{space}/tasks/create/", body);
        return (await ApiAssert.Ok(response, "Task Created Successfully"))["data"]!["run_id"]!.GetValue<string>();
    }

    protected async Task<JsonNode> RunAsync(TestOrg org, string space, string runId) =>
        (await ApiAssert.Ok(await org.Client(App, org.Viewer).GetAsync($"{Prefix}/spaces/{space}/runs/{runId}/"), "Run fetched successfully"))["data"]!;

    protected async Task<JsonArray> TasksAsync(TestOrg org, string space, string runId) =>
        (await ApiAssert.Ok(await org.Client(App, org.Viewer).GetAsync($"{Prefix}/spaces/{space}/runs/{runId}/tasks/?page_size=500"), "Tasks Fetched Successfully"))["data"]!.AsArray();
}
