using System.Net;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Engine;

public abstract class TaskApiTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    [Theory]
    [InlineData("{\"pilot\": \"{agent}\", \"documents\": [{\"name\": \"A\", \"contact_number\": \"+14155550100\"}, {\"name\": \"B\", \"contact_number\": \"not a number\"}]}", "documents[1].contact_number")]
    [InlineData("{\"pilot\": \"{agent}\", \"documents\": [{\"contact_number\": \"+14155550100\"}]}", "documents[0].name")]
    [InlineData("{\"pilot\": \"{agent}\", \"documents\": [{\"name\": \"A\"}]}", "documents[0].contact_number")]
    [InlineData("{\"pilot\": \"{agent}\", \"documents\": [{\"name\": \"A\", \"contact_number\": \"12\"}]}", "documents[0].contact_number")]
    [InlineData("{\"pilot\": \"{agent}\", \"documents\": []}", "documents")]
    [InlineData("{\"pilot\": \"{agent}\"}", "documents")]
    [InlineData("{\"documents\": [{\"name\": \"A\", \"contact_number\": \"+14155550100\"}]}", "pilot")]
    [InlineData("{\"pilot\": \"{agent}\", \"documents\": [5]}", "documents[0]")]
    [InlineData("{\"pilot\": \"{agent}\", \"documents\": [null]}", "documents[0]")]
    [InlineData("{\"pilot\": \"{agent}\", \"documents\": [{\"name\": 5, \"contact_number\": 14155550100}]}", "documents[0].name")]
    [InlineData("{\"pilot\": \"{agent}\", \"documents\": [{\"name\": \"A\", \"contact_number\": \"+14155550100\"}], \"schedule\": {\"type\": \"at\", \"at\": \"tomorrow\"}}", "schedule.at")]
    [InlineData("{\"pilot\": \"{agent}\", \"documents\": [{\"name\": \"A\", \"contact_number\": \"+14155550100\"}], \"filters\": [1]}", "filters")]
    [InlineData("{\"pilot\": \"{agent}\", \"documents\": [{\"name\": \"A\", \"contact_number\": \"+14155550100\"}], \"schedule\": {\"type\": \"later\"}}", "schedule.type")]
    [InlineData("{\"pilot\": \"{agent}\", \"documents\": [{\"name\": \"A\", \"contact_number\": \"+14155550100\"}], \"schedule\": {\"type\": \"custom\", \"calling_date\": \"12/08/2026\", \"calling_time\": \"9am\"}}", "schedule.calling_date")]
    [InlineData("{\"pilot\": \"{agent}\", \"documents\": [{\"name\": \"A\", \"contact_number\": \"+14155550100\", \"timezone\": \"Mars/Base\"}]}", "documents[0].timezone")]
    public async Task CreateTasks_WithInvalidBody_Is400WithIndexedKeys(string json, string field)
    {
        var (org, space, agent) = await SetUpAsync();
        var response = await org.Client(App, org.Member).PostRaw($"{Prefix}/spaces/{space}/tasks/create/", json.Replace("{agent}", agent, StringComparison.Ordinal));
        await ApiAssert.Invalid(response, field);
        var runs = await ApiAssert.Ok(await org.Client(App, org.Viewer).GetAsync($"{Prefix}/spaces/{space}/runs/"), "Runs Fetched Successfully");
        Assert.Equal(0, runs["count"]!.GetValue<int>());
    }

    /// <summary>Every field of a full create-task body, replaced in turn by every JSON kind: never a 500.</summary>
    [Fact]
    public async Task CreateTasks_WithAnyValueInAnyField_IsNeverA500()
    {
        var (org, space, agent) = await SetUpAsync();
        var template = $$"""
            {"pilot": "{{agent}}", "context": "c", "filters": {"labels": ["x"]},
             "schedule": {"type": "custom", "calling_date": "2030-01-01", "calling_time": "09:00", "timezone": "UTC", "at": "2030-01-01T09:00:00Z"},
             "documents": [{"name": "A", "contact_number": "+14155550100", "email": "a@b.test", "timezone": "UTC", "labels": ["l"], "document_id": "d"}]}
            """;
        await JsonFuzz.NeverA500Async(org.Client(App, org.Member), $"{Prefix}/spaces/{space}/tasks/create/", template);
    }

    [Fact]
    public async Task CreateTasks_WithTooManyDocuments_Is400_AndTenThousandAreAccepted()
    {
        var (org, space, agent) = await SetUpAsync();
        var client = org.Client(App, org.Member);
        await ApiAssert.Invalid(await client.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new { pilot = agent, documents = Contacts(10_001) }), "documents");
        var created = await ApiAssert.Ok(await client.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new { pilot = agent, documents = Contacts(10_000) }), "Task Created Successfully");
        Assert.Equal(10_000, created["data"]!["task_ids"]!.AsArray().Count);
        var run = await RunAsync(org, space, created["data"]!["run_id"]!.GetValue<string>());
        Assert.Equal(10_000, run["total_tasks"]!.GetValue<int>());
        Assert.Equal(10_000, run["pending_tasks"]!.GetValue<int>());
    }

    [Fact]
    public async Task ExecutionType_FollowsTheSpacesContentType()
    {
        var (org, _, agent) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var email = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", new { name = "Mail", content_type = "email" }), HttpStatusCode.Created))["data"]!["token"]!.GetValue<string>();
        var general = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", new { name = "Q&A" }), HttpStatusCode.Created))["data"]!["token"]!.GetValue<string>();

        await ApiAssert.Invalid(await admin.PostJson($"{Prefix}/spaces/{email}/tasks/create/", new { pilot = agent, documents = new[] { new { name = "No mail" } } }), "documents[0].email");
        var mailRun = await CreateRunAsync(org, email, new { pilot = agent, documents = new[] { new { name = "Ann", email = "ann@example.test" } } });
        Assert.Equal("email", (await TasksAsync(org, email, mailRun))[0]!["execution_type"]!.GetValue<string>());
        var answerRun = await CreateRunAsync(org, general, new { pilot = agent, documents = new[] { new { name = "Question" } } });
        Assert.Equal("answer", (await TasksAsync(org, general, answerRun))[0]!["execution_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateTasks_ThroughTheOlderPath_Works()
    {
        var (org, space, agent) = await SetUpAsync();
        var response = await org.Client(App, org.Member).PostJson($"{Prefix}/spaces/{space}/tasks/", new { pilot = agent, documents = Contacts(1) });
        await ApiAssert.Ok(response, "Task Created Successfully");
    }

    [Fact]
    public async Task CreateTasks_WithUnpublishedOrUnknownAgent_IsRefused()
    {
        var (org, space, _) = await SetUpAsync();
        var client = org.Client(App, org.Admin);
        var draft = (await ApiAssert.Envelope(await client.PostJson($"{Prefix}/agents/", new { name = "Draft" }), HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();
        await ApiAssert.Invalid(await client.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new { pilot = draft, documents = Contacts(1) }), "pilot");
        await ApiAssert.Error(await client.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new { pilot = "no-such-agent", documents = Contacts(1) }), HttpStatusCode.NotFound, "Agent not found");
    }

    [Fact]
    public async Task IdempotencyKey_ReplaysTheSameRun_AndRefusesAnotherBody()
    {
        var (org, space, agent) = await SetUpAsync();
        async Task<HttpResponseMessage> Post(object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"{Prefix}/spaces/{space}/tasks/create/") { Content = JsonContent(body) };
            request.Headers.Add("Idempotency-Key", "order-42");
            return await org.Client(App, org.Member).SendAsync(request);
        }
        var body = new { pilot = agent, documents = Contacts(2) };
        var first = await Post(body);
        var firstBody = await ApiAssert.Ok(first, "Task Created Successfully");
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        var second = await Post(body);
        var secondBody = await ApiAssert.Ok(second, "Task Created Successfully");
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(firstBody["data"]!.ToJsonString(), secondBody["data"]!.ToJsonString());

        await ApiAssert.Error(await Post(new { pilot = agent, documents = Contacts(3) }), HttpStatusCode.Conflict, "This Idempotency-Key was already used with a different request body.");
        var runs = await ApiAssert.Ok(await org.Client(App, org.Viewer).GetAsync($"{Prefix}/spaces/{space}/runs/"), "Runs Fetched Successfully");
        Assert.Equal(1, runs["count"]!.GetValue<int>());

        await App.AdvanceAsync(TimeSpan.FromHours(25));
        var afterExpiry = await ApiAssert.Ok(await Post(body), "Task Created Successfully");
        Assert.NotEqual(firstBody["data"]!["run_id"]!.GetValue<string>(), afterExpiry["data"]!["run_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lists_FilterByStatusAndRun_AndAgentViewsSummariseRuns()
    {
        var (org, space, agent) = await SetUpAsync();
        var done = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(2) });
        await App.RunEngineAsync();
        var waiting = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(3), schedule = new { type = "at", at = App.Clock.GetUtcNow().UtcDateTime.AddDays(1) } });
        var viewer = org.Client(App, org.Viewer);

        Assert.Equal(5, (await ApiAssert.Ok(await viewer.GetAsync($"{Prefix}/spaces/{space}/tasks/"), "Tasks Fetched Successfully"))["count"]!.GetValue<int>());
        Assert.Equal(2, (await ApiAssert.Ok(await viewer.GetAsync($"{Prefix}/spaces/{space}/tasks/?status=completed"), "Tasks Fetched Successfully"))["count"]!.GetValue<int>());
        Assert.Equal(3, (await ApiAssert.Ok(await viewer.GetAsync($"{Prefix}/spaces/{space}/tasks/?run_id={waiting}"), "Tasks Fetched Successfully"))["count"]!.GetValue<int>());
        await ApiAssert.Invalid(await viewer.GetAsync($"{Prefix}/spaces/{space}/tasks/?status=done"), "status");
        var completedRuns = await ApiAssert.Ok(await viewer.GetAsync($"{Prefix}/spaces/{space}/runs/?status=completed"), "Runs Fetched Successfully");
        Assert.Equal(done, Assert.Single(completedRuns["data"]!.AsArray())!["run_id"]!.GetValue<string>());
        await ApiAssert.Invalid(await viewer.GetAsync($"{Prefix}/spaces/{space}/runs/?status=done"), "status");

        var agentTasks = await ApiAssert.Ok(await viewer.GetAsync($"{Prefix}/agents/{agent}/tasks/?page_size=2"), "Tasks Fetched Successfully");
        Assert.Equal(5, agentTasks["count"]!.GetValue<int>());
        Assert.Equal(2, agentTasks["data"]!.AsArray().Count);
        var executions = await ApiAssert.Ok(await viewer.GetAsync($"{Prefix}/agents/{agent}/executions/"), "Executions fetched successfully");
        var latest = executions["data"]![0]!;
        Assert.Equal(waiting, latest["run_id"]!.GetValue<string>());
        Assert.Equal(3, latest["total_tasks"]!.GetValue<int>());
        Assert.Equal(2, executions["data"]![1]!["completed_tasks"]!.GetValue<int>());
    }

    [Fact]
    public async Task SpaceAndAgentRoutes_TakeOrgHandleOptionally_ButItMustMatch()
    {
        var (org, space, agent) = await SetUpAsync();
        var other = await TestOrg.CreateAsync(App);
        await ApiAssert.Ok(await App.Client(org.Viewer.Key).GetAsync($"{Prefix}/spaces/{space}/runs/"), "Runs Fetched Successfully");
        await ApiAssert.Ok(await App.Client(org.Viewer.Key).GetAsync($"{Prefix}/agents/{agent}/tasks/"), "Tasks Fetched Successfully");
        await ApiAssert.Error(await App.Client(org.Viewer.Key, other.Handle).GetAsync($"{Prefix}/spaces/{space}/runs/"), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await App.Client(org.Viewer.Key, other.Handle).GetAsync($"{Prefix}/agents/{agent}/executions/"), HttpStatusCode.NotFound, "Agent not found");
    }

    [Fact]
    public async Task AnotherOrgsSpaceRunOrAgent_Is404OnEveryEndpoint()
    {
        var (theirs, theirSpace, theirAgent) = await SetUpAsync();
        var theirRun = await CreateRunAsync(theirs, theirSpace, new { pilot = theirAgent, documents = Contacts(1) });
        var (mine, mySpace, myAgent) = await SetUpAsync();
        var client = mine.Client(App, mine.Admin);
        var body = new { pilot = myAgent, documents = Contacts(1) };

        await ApiAssert.Error(await client.PostJson($"{Prefix}/spaces/{theirSpace}/tasks/create/", body), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await client.GetAsync($"{Prefix}/spaces/{theirSpace}/tasks/"), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await client.GetAsync($"{Prefix}/spaces/{theirSpace}/runs/"), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await client.GetAsync($"{Prefix}/spaces/{theirSpace}/runs/{theirRun}/"), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await client.PostAsync($"{Prefix}/spaces/{theirSpace}/runs/{theirRun}/cancel/", null), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await client.GetAsync($"{Prefix}/spaces/{mySpace}/runs/{theirRun}/"), HttpStatusCode.NotFound, "Run not found");
        await ApiAssert.Error(await client.GetAsync($"{Prefix}/spaces/{mySpace}/runs/{theirRun}/tasks/"), HttpStatusCode.NotFound, "Run not found");
        await ApiAssert.Error(await client.PostAsync($"{Prefix}/spaces/{mySpace}/runs/{theirRun}/cancel/", null), HttpStatusCode.NotFound, "Run not found");
        await ApiAssert.Error(await client.PostJson($"{Prefix}/spaces/{mySpace}/tasks/create/", new { pilot = theirAgent, documents = Contacts(1) }), HttpStatusCode.NotFound, "Agent not found");
        await ApiAssert.Error(await client.GetAsync($"{Prefix}/agents/{theirAgent}/tasks/"), HttpStatusCode.NotFound, "Agent not found");
        await ApiAssert.Error(await client.GetAsync($"{Prefix}/agents/{theirAgent}/executions/"), HttpStatusCode.NotFound, "Agent not found");
        Assert.Equal("pending", (await RunAsync(theirs, theirSpace, theirRun))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateTasks_AsViewer_Is403_AndWithoutKey_Is401()
    {
        var (org, space, agent) = await SetUpAsync();
        var body = new { pilot = agent, documents = Contacts(1) };
        await ApiAssert.Error(await org.Client(App, org.Viewer).PostJson($"{Prefix}/spaces/{space}/tasks/create/", body), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
        await ApiAssert.Error(await App.Client().PostJson($"{Prefix}/spaces/{space}/tasks/create/", body), HttpStatusCode.Unauthorized, "Authentication credentials were not provided.");
    }

    [Fact]
    public async Task PrivateSpace_IsHiddenFromMembersOutsideIt()
    {
        var (org, _, agent) = await SetUpAsync();
        var secret = await ApiAssert.Envelope(await org.Client(App, org.Admin).PostJson($"{Prefix}/spaces/", new { name = "Secret", privacy_type = "private" }), HttpStatusCode.Created);
        var token = secret["data"]!["token"]!.GetValue<string>();
        await ApiAssert.Error(await org.Client(App, org.Member).PostJson($"{Prefix}/spaces/{token}/tasks/create/", new { pilot = agent, documents = Contacts(1) }), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await org.Client(App, org.Viewer).GetAsync($"{Prefix}/spaces/{token}/runs/"), HttpStatusCode.NotFound, "Space not found");
        // Not seeing the space comes before the role: a viewer learns nothing from a 403 either.
        await ApiAssert.Error(await org.Client(App, org.Viewer).PostJson($"{Prefix}/spaces/{token}/tasks/create/", new { pilot = agent, documents = Contacts(1) }), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Ok(await org.Client(App, org.Admin).GetAsync($"{Prefix}/spaces/{token}/runs/"), "Runs Fetched Successfully");
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}

public sealed class TaskApiTestsOnSqlite(EngineApp<Sqlite> app) : TaskApiTests<Sqlite>(app);

public sealed class TaskApiTestsOnPostgres(EngineApp<Postgres> app) : TaskApiTests<Postgres>(app);
