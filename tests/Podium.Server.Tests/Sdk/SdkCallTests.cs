using System.Net;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Sdk;

/// <summary><c>client.calls</c>: create, list, get and hangup, at the absolute path <c>/api/v2/platform/speech/v1/calls</c> (no trailing slash).</summary>
public abstract class SdkCallTests<TDb>(LoggedEngineApp<TDb> app) : EngineTestBase<TDb>(app), IClassFixture<LoggedEngineApp<TDb>>
    where TDb : TestDatabase, new()
{
    private const string Calls = "/api/v2/platform/speech/v1/calls";

    private SdkTransport Sdk(TestOrg org, TestUser user) => new(App.Client(), user.Key, org.Handle);

    [Fact]
    public async Task Create_ThenTheEngineCompletesIt_AndGetCarriesTheTranscript()
    {
        var (org, _, agent) = await SetUpAsync();
        var sdk = Sdk(org, org.Member);
        // calls.create(to_number=..., agent_id=..., instructions=..., data={...}): to_number always sent, the rest when set.
        var created = await sdk.PostAsync(Calls, JsonNode.Parse($$$"""
            {"to_number":"+19995550001","agent_id":"{{{agent}}}","instructions":"Confirm Tuesday's delivery.","data":{"name":"Ada","order":"A-17"}}
            """));
        Assert.Equal(201, created.Status);
        var call = created.Data();
        SdkModels.Call.Check(call);
        var id = call!["call_id"]!.GetValue<string>();
        Assert.Equal("pending", call["status"]!.GetValue<string>());
        Assert.Equal("+19995550001", call["to_number"]!.GetValue<string>());
        Assert.Equal(agent, call["agent_id"]!.GetValue<string>());
        Assert.Equal("Confirm Tuesday's delivery.", call["instructions"]!.GetValue<string>());
        Assert.Equal("A-17", call["data"]!["order"]!.GetValue<string>());
        Assert.Empty(call["transcript"]!.AsArray());

        await App.RunEngineAsync();
        var read = await sdk.GetAsync($"{Calls}/{id}");
        var done = read.Data();
        SdkModels.Call.Check(done);
        Assert.Equal("completed", done!["status"]!.GetValue<string>());
        Assert.Equal("completed", done["disposition"]!.GetValue<string>());
        Assert.True(done["transcript"]!.AsArray().Count >= 2);
        Assert.Contains("Ada", done["transcript"]![0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(done["duration_s"]!.GetValue<double>() > 0);
        Assert.NotNull(done["end_reason"]);
        Assert.NotNull(done["ended_at"]);

        // calls.list(status=..., pipe_id=...): call_status and pipe_id, each only when given.
        var listed = await sdk.GetAsync($"{Calls}?call_status=completed&pipe_id={agent}");
        SdkModels.Call.CheckList(listed.Data());
        Assert.Contains(listed.Data()!.AsArray(), c => c!["call_id"]!.GetValue<string>() == id);
        SdkModels.Call.CheckList((await sdk.GetAsync(Calls)).Data());
        Assert.Empty((await sdk.GetAsync($"{Calls}?call_status=pending")).Data()!.AsArray());

        // The same call is a run of the space it was placed in, and a call log.
        var space = done["project_id"]!.GetValue<string>();
        var runs = await ApiAssert.Ok(await org.Client(App, org.Viewer).GetAsync($"/api/v2/platform/spaces/{space}/runs/"), "Runs Fetched Successfully");
        Assert.Contains(runs["data"]!.AsArray(), r => r!["run_id"]!.GetValue<string>() == done["run_id"]!.GetValue<string>());
        var logs = await ApiAssert.Ok(await org.Client(App, org.Viewer).GetAsync("/api/v2/platform/call-logs/"), "Call logs fetched successfully");
        Assert.Contains(logs["data"]!.AsArray(), l => l!["task_id"]!.GetValue<string>() == id);

        // A finished call's hangup answers it as it is.
        var again = await sdk.PostAsync($"{Calls}/{id}/hangup", null);
        Assert.Equal("completed", again.Data()!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hangup_OfAScheduledCall_CancelsIt_AndOfAPendingOne()
    {
        // Calling hours that exclude the fake clock's Monday 10:00 UTC: the call waits as scheduled.
        var (org, _, agent) = await SetUpAsync(new { calling_hours = new { ranges = new[] { new { start = "18:00", end = "19:00" } } } });
        var sdk = Sdk(org, org.Member);
        var id = (await sdk.PostAsync(Calls, JsonNode.Parse($$$"""{"to_number":"+19995550002","agent_id":"{{{agent}}}","data":{"timezone":"UTC"}}"""))).Data()!["call_id"]!.GetValue<string>();
        await App.RunEngineAsync();
        Assert.Equal("scheduled", (await sdk.GetAsync($"{Calls}/{id}")).Data()!["status"]!.GetValue<string>());

        // calls.hangup(id): POST with no body, Content-Type application/json and Content-Length 0.
        var hung = await sdk.PostAsync($"{Calls}/{id}/hangup", null);
        Assert.Equal(200, hung.Status);
        var call = hung.Data();
        SdkModels.Call.Check(call);
        Assert.Equal("cancelled", call!["status"]!.GetValue<string>());
        var run = await RunAsync(org, call["project_id"]!.GetValue<string>(), call["run_id"]!.GetValue<string>());
        Assert.Equal("cancelled", run["status"]!.GetValue<string>());
        // Nothing is placed later.
        await App.AdvanceAsync(TimeSpan.FromHours(9));
        Assert.Equal("cancelled", (await sdk.GetAsync($"{Calls}/{id}")).Data()!["status"]!.GetValue<string>());

        var pending = (await sdk.PostAsync(Calls, JsonNode.Parse($$"""{"to_number":"+19995550003","agent_id":"{{agent}}"}"""))).Data()!["call_id"]!.GetValue<string>();
        Assert.Equal("cancelled", (await sdk.PostAsync($"{Calls}/{pending}/hangup", null)).Data()!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnotherOrganizationsCall_Is404_AndViewersCannotPlaceCalls()
    {
        var (org, _, agent) = await SetUpAsync();
        var (other, _, _) = await SetUpAsync();
        var id = (await Sdk(org, org.Member).PostAsync(Calls, JsonNode.Parse($$"""{"to_number":"+19995550004","agent_id":"{{agent}}"}"""))).Data()!["call_id"]!.GetValue<string>();
        var outsider = Sdk(other, other.Admin);
        Assert.Equal(404, (await outsider.GetAsync($"{Calls}/{id}")).Status);
        Assert.Equal(404, (await outsider.PostAsync($"{Calls}/{id}/hangup", null)).Status);
        Assert.DoesNotContain((await outsider.GetAsync(Calls)).Data()!.AsArray(), c => c!["call_id"]!.GetValue<string>() == id);
        // Another organization's agent cannot place a call here.
        Assert.Equal(404, (await outsider.PostAsync(Calls, JsonNode.Parse($$"""{"to_number":"+19995550004","agent_id":"{{agent}}"}"""))).Status);
        Assert.Equal(403, (await Sdk(org, org.Viewer).PostAsync(Calls, JsonNode.Parse($$"""{"to_number":"+19995550004","agent_id":"{{agent}}"}"""))).Status);
        Assert.Equal(403, (await Sdk(org, org.Viewer).PostAsync($"{Calls}/{id}/hangup", null)).Status);
        Assert.Equal(200, (await Sdk(org, org.Viewer).GetAsync($"{Calls}/{id}")).Status);
    }

    [Fact]
    public async Task Create_WithAFromNumber_CallsFromIt_AndBadInputIsA400()
    {
        var (org, _, agent) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var config = (await ApiAssert.Envelope(await admin.PostJson("/api/v2/platform/telephony/providers-configurations/",
            new { provider = "twilio", account_sid = "AC" + Guid.NewGuid().ToString("N"), auth_token = "t" }), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
        await ApiAssert.Envelope(await admin.PostJson("/api/v2/platform/telephony/numbers/", new { number = "+14155550199", provider_config_id = config }), HttpStatusCode.Created);
        var sdk = Sdk(org, org.Member);
        var id = (await sdk.PostAsync(Calls, JsonNode.Parse($$"""{"to_number":"+19995550005","agent_id":"{{agent}}","from_number":"+14155550199"}"""))).Data()!["call_id"]!.GetValue<string>();
        await App.RunEngineAsync();
        var call = (await sdk.GetAsync($"{Calls}/{id}")).Data()!;
        Assert.Equal("+14155550199", call["from_number"]!.GetValue<string>());

        // The SDK sends to_number even when it is None.
        Assert.Equal(400, (await sdk.PostAsync(Calls, JsonNode.Parse($$"""{"to_number":null,"agent_id":"{{agent}}"}"""))).Status);
        Assert.Equal(400, (await sdk.PostAsync(Calls, JsonNode.Parse($$"""{"to_number":"not a number","agent_id":"{{agent}}"}"""))).Status);
        Assert.Equal(400, (await sdk.PostAsync(Calls, JsonNode.Parse($$"""{"to_number":"+19995550005","agent_id":"{{agent}}","from_number":"+14155550000"}"""))).Status);
        Assert.Equal(400, (await sdk.PostAsync(Calls, JsonNode.Parse("""{"to_number":"+19995550005"}"""))).Status);
        Assert.Equal(404, (await sdk.PostAsync(Calls, JsonNode.Parse("""{"to_number":"+19995550005","agent_id":"no-such-agent"}"""))).Status);
        Assert.Equal(400, (await sdk.GetAsync($"{Calls}?call_status=ringing")).Status);
    }
}

public sealed class SdkCallTestsOnSqlite(LoggedEngineApp<Sqlite> app) : SdkCallTests<Sqlite>(app);

public sealed class SdkCallTestsOnPostgres(LoggedEngineApp<Postgres> app) : SdkCallTests<Postgres>(app);
