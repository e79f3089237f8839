using System.Net;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Features;

public abstract class AgentTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private const string Forbidden = "You do not have permission to perform this action.";

    private async Task<string> CreateAgentAsync(TestOrg org, object body)
    {
        var response = await ClientFor(org, org.Admin).PostJson($"{Prefix}/agents/", body);
        return (await ApiAssert.Envelope(response, HttpStatusCode.Created, "Agent created successfully"))["data"]!["handle"]!.GetValue<string>();
    }

    [Fact]
    public async Task ListAgents_ReturnsAllStates_AndFiltersByState()
    {
        var org = await NewOrgAsync();
        await CreateAgentAsync(org, new { name = "Live", state = "published", purpose = "Sell" });
        await CreateAgentAsync(org, new { name = "Wip" });
        await CreateAgentAsync(org, new { name = "Old", state = "archived" });
        var client = ClientFor(org, org.Viewer);

        var all = await ApiAssert.Ok(await client.GetAsync($"{Prefix}/agents/"), "Agents fetched successfully");
        Assert.Equal(3, all["count"]!.GetValue<int>());
        var published = await ApiAssert.Ok(await client.GetAsync($"{Prefix}/agents/?state=published"), "Agents fetched successfully");
        var agent = Assert.Single(published["data"]!.AsArray())!;
        Assert.Equal(1, published["count"]!.GetValue<int>());
        Assert.Equal("Live", agent["name"]!.GetValue<string>());
        Assert.Equal("Voice", agent["type"]!.GetValue<string>());
        Assert.Equal("Sell", agent["purpose"]!.GetValue<string>());
        Assert.Matches("^space-agent-[a-z0-9]{24}$", agent["handle"]!.GetValue<string>());
        Assert.Equal("simulated", agent["runtime"]!["type"]!.GetValue<string>());
        Assert.NotNull(agent["description"]);
    }

    [Fact]
    public async Task ListAgents_WithUnknownState_Is400()
    {
        var org = await NewOrgAsync();
        await ApiAssert.Invalid(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/agents/?state=sleeping"), "state");
        await ApiAssert.Invalid(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/agents/?state=1"), "state");
    }

    [Fact]
    public async Task CreateAgent_WithHandleTakenInAnyOrg_Is409()
    {
        var first = await NewOrgAsync();
        var second = await NewOrgAsync();
        var handle = $"agent-{Guid.NewGuid():N}"[..20];
        await CreateAgentAsync(first, new { name = "A", handle });
        var response = await ClientFor(second, second.Admin).PostJson($"{Prefix}/agents/", new { name = "B", handle });
        await ApiAssert.Error(response, HttpStatusCode.Conflict, "An agent with this handle already exists.");
    }

    [Theory]
    [InlineData("{\"name\": \"x\", \"handle\": \"Bad Handle\"}", "handle")]
    [InlineData("{\"name\": \"x\", \"type\": \"Robot\"}", "type")]
    [InlineData("{\"name\": \"x\", \"state\": \"live\"}", "state")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"webhook\"}}", "runtime.url")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"webhook\", \"url\": \"ftp://example.test\"}}", "runtime.url")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"simulated\", \"url\": \"https://example.test\"}}", "runtime.url")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"quantum\"}}", "runtime.type")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"twilio\", \"provider_config_id\": 1}}", "runtime.stream_url")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"twilio\", \"provider_config_id\": 1, \"stream_url\": \"wss://bot.test/a\", \"twiml_url\": \"https://bot.test/t\"}}", "runtime.stream_url")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"twilio\", \"provider_config_id\": 1, \"stream_url\": \"https://bot.test/a\"}}", "runtime.stream_url")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"twilio\", \"provider_config_id\": 1, \"relay_url\": \"wss://bot.test/a\", \"machine_detection\": \"always\"}}", "runtime.machine_detection")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"twilio\", \"provider_config_id\": 1, \"relay_url\": \"wss://bot.test/a\", \"voicemail_message\": \"Hi\"}}", "runtime.voicemail_message")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"twilio\", \"provider_config_id\": 1, \"relay_url\": \"wss://bot.test/a\", \"ring_seconds\": 2}}", "runtime.ring_seconds")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"livekit\", \"provider_config_id\": 1}}", "runtime.agent_name")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"livekit\", \"provider_config_id\": 1, \"agent_name\": \"a\", \"record\": true}}", "runtime.record")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"vapi\", \"provider_config_id\": 1, \"assistant_id\": \"a\", \"phone_number_id\": \"p\", \"stream_url\": \"wss://bot.test/a\"}}", "runtime.stream_url")]
    [InlineData("{\"name\": \"x\", \"runtime\": {\"type\": \"simulated\", \"agent_name\": \"a\"}}", "runtime.agent_name")]
    [InlineData("{\"name\": \"x\", \"space_token\": \"NOPE\"}", "space_token")]
    [InlineData("{\"handle\": \"no-name\"}", "name")]
    [InlineData("{\"name\": \"x\", \"calling_hours\": {\"ranges\": [null]}}", "calling_hours.ranges[0]")]
    [InlineData("{\"name\": \"x\", \"calling_hours\": {\"ranges\": [{\"start\": \"18:00\", \"end\": \"09:00\"}]}}", "calling_hours.ranges[0]")]
    [InlineData("{\"name\": \"x\", \"calling_hours\": {\"days\": [\"funday\", null]}}", "calling_hours.days[1]")]
    [InlineData("{\"name\": \"x\", \"retry\": {\"max_attempts\": 0}}", "retry.max_attempts")]
    [InlineData("{\"name\": \"x\", \"retry\": {\"on\": [\"hung_up\"]}}", "retry.on[0]")]
    [InlineData("{\"name\": \"x\", \"max_concurrency\": 0}", "max_concurrency")]
    [InlineData("{\"name\": \"x\", \"simulation\": {\"busy_rate\": 0.7, \"fail_rate\": 0.5}}", "simulation")]
    public async Task CreateAgent_WithInvalidFields_Is400(string json, string field)
    {
        var org = await NewOrgAsync();
        await ApiAssert.Invalid(await ClientFor(org, org.Admin).PostRaw($"{Prefix}/agents/", json), field);
    }

    [Fact]
    public async Task CreateAgent_WithAnyValueInAnyField_IsNeverA500()
    {
        var org = await NewOrgAsync();
        var template = """
            {"name": "Fuzz", "type": "Voice", "state": "draft", "purpose": "p", "description": "d",
             "runtime": {"type": "webhook", "url": "https://agent.example.test/run", "timeout_seconds": 10},
             "max_concurrency": 3, "calling_hours": {"days": ["mon"], "ranges": [{"start": "09:00", "end": "17:00"}]},
             "retry": {"max_attempts": 2, "on": ["busy"], "backoff_seconds": 60},
             "simulation": {"latency_ms": 0, "busy_rate": 0.1, "no_answer_rate": 0.1, "fail_rate": 0, "transcript_turns": 4}}
            """;
        await JsonFuzz.NeverA500Async(ClientFor(org, org.Admin), $"{Prefix}/agents/", template);
    }

    [Fact]
    public async Task UpdateAgent_SetsWebhookRuntimeAndState()
    {
        var org = await NewOrgAsync();
        var handle = await CreateAgentAsync(org, new { name = "Hook" });
        var response = await ClientFor(org, org.Admin).PatchJson($"{Prefix}/agents/{handle}/",
            new { state = "published", runtime = new { type = "webhook", url = "https://agent.example.test/run" } });
        var body = await ApiAssert.Ok(response, "Agent updated successfully");
        Assert.Equal("published", body["data"]!["state"]!.GetValue<string>());
        Assert.Equal("webhook", body["data"]!["runtime"]!["type"]!.GetValue<string>());
        Assert.Equal("https://agent.example.test/run", body["data"]!["runtime"]!["url"]!.GetValue<string>());
        Assert.Equal("Hook", body["data"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AgentWrites_AsMemberOrViewer_Are403()
    {
        var org = await NewOrgAsync();
        var handle = await CreateAgentAsync(org, new { name = "Kept" });
        foreach (var user in new[] { org.Member, org.Viewer })
        {
            var client = ClientFor(org, user);
            await ApiAssert.Error(await client.PostJson($"{Prefix}/agents/", new { name = "x" }), HttpStatusCode.Forbidden, Forbidden);
            await ApiAssert.Error(await client.PatchJson($"{Prefix}/agents/{handle}/", new { name = "y" }), HttpStatusCode.Forbidden, Forbidden);
            await ApiAssert.Error(await client.DeleteAsync($"{Prefix}/agents/{handle}/"), HttpStatusCode.Forbidden, Forbidden);
        }
    }

    [Fact]
    public async Task Agent_OfAnotherOrg_Is404()
    {
        var mine = await NewOrgAsync();
        var theirs = await NewOrgAsync();
        var handle = await CreateAgentAsync(theirs, new { name = "Theirs" });
        var client = ClientFor(mine, mine.Admin);
        await ApiAssert.Error(await client.GetAsync($"{Prefix}/agents/{handle}/"), HttpStatusCode.NotFound, "Agent not found");
        await ApiAssert.Error(await client.PatchJson($"{Prefix}/agents/{handle}/", new { name = "Mine" }), HttpStatusCode.NotFound, "Agent not found");
        await ApiAssert.Error(await client.DeleteAsync($"{Prefix}/agents/{handle}/"), HttpStatusCode.NotFound, "Agent not found");
        var list = await ApiAssert.Ok(await client.GetAsync($"{Prefix}/agents/"), "Agents fetched successfully");
        Assert.Equal(0, list["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task DeleteAgent_HidesItAndUnsetsSpaceDefault()
    {
        var org = await NewOrgAsync();
        var handle = await CreateAgentAsync(org, new { name = "Doomed" });
        var client = ClientFor(org, org.Admin);
        var space = await ApiAssert.Envelope(await client.PostJson($"{Prefix}/spaces/", new { name = "S", agent_handle = handle }), HttpStatusCode.Created, "Space created successfully");
        var token = space["data"]!["token"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{Prefix}/agents/{handle}/")).StatusCode);
        await ApiAssert.Error(await client.GetAsync($"{Prefix}/agents/{handle}/"), HttpStatusCode.NotFound, "Agent not found");
        var after = await ApiAssert.Ok(await client.GetAsync($"{Prefix}/spaces/{token}/"), "Space fetched successfully");
        Assert.Null(after["data"]!["agent_handle"]);
        await ApiAssert.Error(await client.PostJson($"{Prefix}/agents/", new { name = "Again", handle }), HttpStatusCode.Conflict, "An agent with this handle already exists.");
    }
}

public sealed class AgentTestsOnSqlite(PodiumApp<Sqlite> app) : AgentTests<Sqlite>(app);

public sealed class AgentTestsOnPostgres(PodiumApp<Postgres> app) : AgentTests<Postgres>(app);
