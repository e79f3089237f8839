using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Sdk;

/// <summary>
/// <c>client.telephony.numbers</c>, <c>client.telephony.trunks</c>, <c>client.telephony.overview()</c> and the
/// management <c>client.numbers.list()</c>: each sends the SDK's exact request and reads the answer into the SDK's model.
/// </summary>
public abstract class SdkTelephonyTests<TDb>(LoggedEngineApp<TDb> app) : EngineTestBase<TDb>(app), IClassFixture<LoggedEngineApp<TDb>>
    where TDb : TestDatabase, new()
{
    private const string P = SdkTransport.Platform;

    private LoggedEngineApp<TDb> Logged => (LoggedEngineApp<TDb>)App;

    private SdkTransport Sdk(TestOrg org, TestUser user) => new(App.Client(), user.Key, org.Handle);

    /// <summary>An org with a Twilio configuration holding three numbers, a bridge "b", and a published agent "asst-…".</summary>
    private async Task<(TestOrg Org, string Agent, int Config)> TelephonyAsync()
    {
        var (org, _, agent) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var config = (await ApiAssert.Envelope(await admin.PostJson($"{P}/telephony/providers-configurations/",
            new { provider = "twilio", account_sid = "AC" + Guid.NewGuid().ToString("N"), auth_token = "t" }), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
        foreach (var number in new[] { "+14155550101", "+14155550102", "+14155550103" })
            await ApiAssert.Envelope(await admin.PostJson($"{P}/telephony/numbers/", new { number, provider_config_id = config }), HttpStatusCode.Created);
        await ApiAssert.Envelope(await admin.PostJson($"{P}/telephony/bridges/", new { name = "B", slug = "b" }), HttpStatusCode.Created);
        return (org, agent, config);
    }

    [Fact]
    public async Task NumbersList_IncludeAssigned_InTheSdkRowShape()
    {
        var (org, agent, _) = await TelephonyAsync();
        var sdk = Sdk(org, org.Admin);
        await sdk.PostAsync($"{P}/telephony/numbers/attach/", new JsonObject { ["numbers"] = new JsonArray("+14155550101"), ["agent_id"] = agent });

        var rows = (await sdk.GetAsync($"{P}/telephony/numbers/?include_assigned=true")).Data();
        SdkModels.Number.CheckList(rows);
        var byNumber = rows!.AsArray().ToDictionary(r => r!["number"]!.GetValue<string>(), r => r!.AsObject());
        Assert.Equal(3, byNumber.Count);
        Assert.Equal("assigned", SdkModels.NumberStatus(byNumber["+14155550101"]));
        Assert.Equal("ASSIGNED", byNumber["+14155550101"]["state"]!.GetValue<string>());
        Assert.Equal("not_assigned", SdkModels.NumberStatus(byNumber["+14155550102"]));
        Assert.Equal("NOT_ASSIGNED", byNumber["+14155550102"]["state"]!.GetValue<string>());
        Assert.True(byNumber["+14155550102"]["active"]!.GetValue<bool>());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, byNumber["+14155550102"]["id"]!.GetValueKind());

        // Without include_assigned (the management client's numbers.list): the attachable numbers, in the management model.
        var free = (await sdk.GetAsync($"{P}/telephony/numbers/")).Data();
        SdkModels.ManagementNumber.CheckList(free);
        Assert.Equal(["+14155550102", "+14155550103"], free!.AsArray().Select(n => n!["number"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task NumbersAttach_ToAnAgent_AndToABridge_WithPerNumberResults()
    {
        var (org, agent, _) = await TelephonyAsync();
        var sdk = Sdk(org, org.Admin);

        // The reference's example body: numbers, agent_id and bridge_slug.
        var attached = await sdk.PostAsync($"{P}/telephony/numbers/attach/",
            JsonNode.Parse($$"""{"numbers":["+14155550101"],"agent_id":"{{agent}}","bridge_slug":"b"}"""));
        Assert.Equal(201, attached.Status);
        var result = attached.Data();
        SdkModels.AgentAttachResult.Check(result);
        Assert.Equal(agent, result!["agent_id"]!.GetValue<string>());
        var row = result["numbers"]![0]!;
        Assert.True(row["ok"]!.GetValue<bool>());
        Assert.Equal("LINKED", row["connection_state"]!.GetValue<string>());
        Assert.Equal("+14155550101", row["number"]!.GetValue<string>());

        // attach_type pipeline names the agent by pipe_id; one good number and one unknown: 201, each answered.
        var mixed = await sdk.PostAsync($"{P}/telephony/numbers/attach/",
            JsonNode.Parse($$"""{"numbers":["+14155550102","+14155559999"],"attach_type":"pipeline","pipe_id":"{{agent}}"}"""));
        Assert.Equal(201, mixed.Status);
        var numbers = mixed.Data()!["numbers"]!.AsArray();
        SdkModels.AgentAttachResult.Check(mixed.Data());
        Assert.True(numbers[0]!["ok"]!.GetValue<bool>());
        Assert.False(numbers[1]!["ok"]!.GetValue<bool>());
        Assert.Equal(0, numbers[1]!["number_id"]!.GetValue<int>());
        Assert.Contains("inventory", numbers[1]!["error"]!.GetValue<string>(), StringComparison.Ordinal);

        // Numbers on the agent's bridge are what it calls from.
        var bridge = await ApiAssert.Ok(await org.Client(App, org.Viewer).GetAsync($"{P}/telephony/bridges/b/"), "Bridge fetched successfully.");
        Assert.Equal(["+14155550101", "+14155550102"], bridge["data"]!["numbers"]!.AsArray().Select(n => n!["number"]!.GetValue<string>()));
        Assert.Equal([agent], bridge["data"]!["agents"]!.AsArray().Select(a => a!.GetValue<string>()));

        // Nothing attachable: a 400 (the SDK raises), naming each number.
        var none = await sdk.PostAsync($"{P}/telephony/numbers/attach/", JsonNode.Parse("""{"numbers":["+14155559999"],"bridge_slug":"b"}"""));
        Assert.Equal(400, none.Status);
        Assert.Contains("numbers[0]", none.Text, StringComparison.Ordinal);
        // A bare string is sent as a one-element list; an unknown agent is the reference's 400.
        var unknown = await sdk.PostAsync($"{P}/telephony/numbers/attach/", JsonNode.Parse("""{"numbers":["+14155550103"],"agent_id":"no-such-agent"}"""));
        Assert.Equal(400, unknown.Status);
        Assert.Contains("Agent not found for this organization.", unknown.Text, StringComparison.Ordinal);
        // Members may not attach.
        Assert.Equal(403, (await Sdk(org, org.Member).PostAsync($"{P}/telephony/numbers/attach/", JsonNode.Parse("""{"numbers":["+14155550103"],"bridge_slug":"b"}"""))).Status);
    }

    [Fact]
    public async Task NumbersAttach_WithoutBridge_MakesOneForTheAgent_AndDetachTakesNumbersOff()
    {
        var (org, agent, _) = await TelephonyAsync();
        var sdk = Sdk(org, org.Admin);
        var attached = await sdk.PostAsync($"{P}/telephony/numbers/attach/", JsonNode.Parse($$"""{"numbers":["+14155550103"],"agent_id":"{{agent}}"}"""));
        Assert.Equal(201, attached.Status);
        var agentBody = await ApiAssert.Ok(await org.Client(App, org.Admin).GetAsync($"{P}/agents/{agent}/"), "Agent fetched successfully");
        Assert.NotNull(agentBody["data"]);

        var detached = await sdk.PostAsync($"{P}/telephony/numbers/detach/", JsonNode.Parse("""{"numbers":["+14155550103","+14155550102"]}"""));
        Assert.Equal(200, detached.Status);
        var result = detached.Data();
        SdkModels.AgentDetachResult.Check(result);
        var rows = result!["numbers"]!.AsArray();
        Assert.True(rows[0]!["ok"]!.GetValue<bool>());
        Assert.Equal("NOT_LINKED", rows[0]!["connection_state"]!.GetValue<string>());
        Assert.Equal(agent, rows[0]!["agent_id"]!.GetValue<string>());
        Assert.False(rows[1]!["ok"]!.GetValue<bool>());
        var all = (await sdk.GetAsync($"{P}/telephony/numbers/?include_assigned=true")).Data()!.AsArray();
        Assert.All(all, n => Assert.Equal("not_assigned", SdkModels.NumberStatus(n!.AsObject())));
    }

    [Fact]
    public async Task Trunks_CreateListGetAttachDetachDelete_InTheSdkShapes_PasswordNeverShown()
    {
        var (org, _, _) = await TelephonyAsync();
        var sdk = Sdk(org, org.Admin);
        const string password = "trunk-pass-7f3a9c1e";
        // trunks.create(name, sip_url, username=..., password=..., transport=..., port="5061", source_ips=[...]).
        var created = await sdk.PostAsync($"{P}/telephony/trunks/", JsonNode.Parse($$"""
            {"name":"Carrier","sip_url":"sip:sip.carrier.example","auth_username":"acme","auth_password":"{{password}}","transport":"tls","port":"5061","source_ips":["203.0.113.10","203.0.113.0/24"]}
            """));
        Assert.Equal(201, created.Status);
        var trunk = created.Data();
        SdkModels.Trunk.Check(trunk);
        var id = trunk!["id"]!.GetValue<int>();
        Assert.Equal("5061", trunk["port"]!.GetValue<string>());
        Assert.Equal("203.0.113.10,203.0.113.0/24", trunk["allowed_ips"]!.GetValue<string>());
        Assert.Equal("********", trunk["auth_password"]!.GetValue<string>());
        Assert.Equal("sip:sip.carrier.example:5061;transport=tls", trunk["sip_url"]!.GetValue<string>());
        Assert.DoesNotContain(password, created.Text, StringComparison.Ordinal);

        var listed = await sdk.GetAsync($"{P}/telephony/trunks/");
        SdkModels.Trunk.CheckList(listed.Data());
        Assert.Single(listed.Data()!.AsArray());
        var read = await sdk.GetAsync($"{P}/telephony/trunks/{id}/");
        SdkModels.Trunk.Check(read.Data());

        var numberIds = (await sdk.GetAsync($"{P}/telephony/numbers/?include_assigned=true")).Data()!.AsArray().Select(n => n!["id"]!.GetValue<int>()).ToList();
        var attach = await sdk.PostAsync($"{P}/telephony/trunks/{id}/attach-numbers/",
            new JsonObject { ["number_ids"] = new JsonArray(numberIds[0], numberIds[1]), ["bridge_slug"] = "b", ["region"] = "US" });
        Assert.Equal(201, attach.Status);
        var attached = attach.Data();
        SdkModels.AttachResult.Check(attached);
        Assert.Equal(id, attached!["trunk_id"]!.GetValue<int>());
        Assert.Equal(2, attached["origin_endpoint"]!["dids"]!.AsArray().Count);
        Assert.Equal(["203.0.113.10", "203.0.113.0/24"], attached["origin_endpoint"]!["accepted_source_ips"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("US", attached["origin_endpoint"]!["region"]!.GetValue<string>());
        Assert.All(attached["numbers"]!.AsArray(), n => Assert.True(n!["ok"]!.GetValue<bool>()));
        var overview = (await sdk.GetAsync($"{P}/telephony/overview/")).Data()!.AsArray();
        Assert.Equal(2, overview.Count(r => r!["termination_kind"]!.GetValue<string>() == "sip_trunk"));

        var detach = await sdk.PostAsync($"{P}/telephony/trunks/{id}/detach-numbers/", new JsonObject { ["number_ids"] = new JsonArray(numberIds[0], 999_999) });
        Assert.Equal(200, detach.Status);
        SdkModels.DetachResult.Check(detach.Data());
        Assert.True(detach.Data()!["numbers"]![0]!["ok"]!.GetValue<bool>());
        Assert.False(detach.Data()!["numbers"]![1]!["ok"]!.GetValue<bool>());

        // The password: write-only, encrypted at rest, in no log line or audit entry.
        await using (var scope = App.Scope(out var db, org.Id))
        {
            var stored = await db.SipTrunks.SingleAsync(t => t.Id == id);
            Assert.NotNull(stored.ProtectedPassword);
            Assert.DoesNotContain(password, stored.ProtectedPassword, StringComparison.Ordinal);
            Assert.DoesNotContain(await db.AuditLog.Select(a => a.Fields).ToListAsync(), f => f != null && f.Contains(password, StringComparison.Ordinal));
        }
        Assert.DoesNotContain(password, Logged.Logs.All, StringComparison.Ordinal);
        // Members read trunks but do not change them; the password stays masked for them too.
        var asMember = await Sdk(org, org.Member).GetAsync($"{P}/telephony/trunks/{id}/");
        Assert.Equal("********", asMember.Data()!["auth_password"]!.GetValue<string>());
        Assert.Equal(403, (await Sdk(org, org.Member).DeleteAsync($"{P}/telephony/trunks/{id}/")).Status);

        var deleted = await sdk.DeleteAsync($"{P}/telephony/trunks/{id}/");
        Assert.True(deleted.Succeeded);
        Assert.Equal(404, (await sdk.GetAsync($"{P}/telephony/trunks/{id}/")).Status);
    }

    [Fact]
    public async Task Trunks_InvalidInput_IsA400NamingTheField()
    {
        var (org, _, _) = await TelephonyAsync();
        var admin = org.Client(App, org.Admin);
        await ApiAssert.Invalid(await admin.PostRaw($"{P}/telephony/trunks/", """{"name":"T"}"""), "sip_url");
        await ApiAssert.Invalid(await admin.PostRaw($"{P}/telephony/trunks/", """{"name":"T","sip_url":"http://x y"}"""), "sip_url");
        await ApiAssert.Invalid(await admin.PostRaw($"{P}/telephony/trunks/", """{"name":"T","sip_url":"sip:a.example","port":"70000"}"""), "port");
        await ApiAssert.Invalid(await admin.PostRaw($"{P}/telephony/trunks/", """{"name":"T","sip_url":"sip:a.example","transport":"sctp"}"""), "transport");
        await ApiAssert.Invalid(await admin.PostRaw($"{P}/telephony/trunks/", """{"name":"T","sip_url":"sip:a.example","source_ips":["not-an-ip"]}"""), "source_ips[0]");
        // A port as a number is taken too.
        var numeric = await ApiAssert.Envelope(await admin.PostRaw($"{P}/telephony/trunks/", """{"name":"N","sip_url":"sip:a.example","port":5070}"""), HttpStatusCode.Created);
        Assert.Equal("5070", numeric["data"]!["port"]!.GetValue<string>());
        await ApiAssert.Error(await admin.PostRaw($"{P}/telephony/trunks/", """{"name":"N","sip_url":"sip:b.example"}"""), HttpStatusCode.Conflict,
            "A trunk with this name already exists in the organization.");
    }

    [Fact]
    public async Task Overview_OneRowPerNumber_WithItsBridgeAgentProviderAndSync()
    {
        var (org, agent, _) = await TelephonyAsync();
        var sdk = Sdk(org, org.Admin);
        await sdk.PostAsync($"{P}/telephony/numbers/attach/", JsonNode.Parse($$"""{"numbers":["+14155550101"],"agent_id":"{{agent}}","bridge_slug":"b"}"""));
        var rows = (await Sdk(org, org.Viewer).GetAsync($"{P}/telephony/overview/")).Data();
        SdkModels.NumberOverview.CheckList(rows);
        var byNumber = rows!.AsArray().ToDictionary(r => r!["number"]!.GetValue<string>(), r => r!);
        Assert.Equal(3, byNumber.Count);
        var linked = byNumber["+14155550101"];
        Assert.Equal("b", linked["bridge_slug"]!.GetValue<string>());
        Assert.Equal(agent, linked["agent_id"]!.GetValue<string>());
        Assert.Equal("twilio", linked["provider"]!.GetValue<string>());
        Assert.Equal("LINKED", linked["connection_state"]!.GetValue<string>());
        Assert.Equal("provider", linked["termination_kind"]!.GetValue<string>());
        Assert.True(linked["in_sync"]!.GetValue<bool>());
        var free = byNumber["+14155550102"];
        Assert.Equal("NOT_LINKED", free["connection_state"]!.GetValue<string>());
        Assert.Equal("unassigned", free["sync_state"]!.GetValue<string>());
        Assert.False(free["in_sync"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AnotherOrganizationsTrunk_Is404_AndItsNumbersCannotBeAttached()
    {
        var (org, _, _) = await TelephonyAsync();
        var (other, otherAgent, _) = await TelephonyAsync();
        var trunk = (await Sdk(other, other.Admin).PostAsync($"{P}/telephony/trunks/", JsonNode.Parse("""{"name":"Theirs","sip_url":"sip:theirs.example"}"""))).Data()!["id"]!.GetValue<int>();
        var sdk = Sdk(org, org.Admin);
        Assert.Equal(404, (await sdk.GetAsync($"{P}/telephony/trunks/{trunk}/")).Status);
        Assert.Equal(404, (await sdk.DeleteAsync($"{P}/telephony/trunks/{trunk}/")).Status);
        Assert.Equal(404, (await sdk.PostAsync($"{P}/telephony/trunks/{trunk}/attach-numbers/", JsonNode.Parse("""{"number_ids":[1]}"""))).Status);
        // Another organization's agent is unknown here.
        var attach = await sdk.PostAsync($"{P}/telephony/numbers/attach/", JsonNode.Parse($$"""{"numbers":["+14155550101"],"agent_id":"{{otherAgent}}"}"""));
        Assert.Equal(400, attach.Status);
        Assert.Contains("Agent not found", attach.Text, StringComparison.Ordinal);
    }
}

public sealed class SdkTelephonyTestsOnSqlite(LoggedEngineApp<Sqlite> app) : SdkTelephonyTests<Sqlite>(app);

public sealed class SdkTelephonyTestsOnPostgres(LoggedEngineApp<Postgres> app) : SdkTelephonyTests<Postgres>(app);
