using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Audit;

public abstract class AuditTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private async Task<JsonArray> EntriesAsync(TestOrg org, string query = "") =>
        (await ApiAssert.Ok(await ClientFor(org, org.Admin).GetAsync($"{Prefix}/audit-log/?page_size=500{query}"), "Audit log fetched successfully"))["data"]!.AsArray();

    [Fact]
    public async Task Changes_AreRecordedWithWhoWhatWhichAndWhere_NeverValues()
    {
        var org = await NewOrgAsync();
        var admin = ClientFor(org, org.Admin);
        var space = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", new { name = "Audit", content_type = "contact" }), HttpStatusCode.Created))["data"]!["token"]!.GetValue<string>();
        await ApiAssert.Ok(await admin.PatchJson($"{Prefix}/spaces/{space}/", new { description = "changed" }), "Space updated successfully");
        var agent = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "A", state = "published" }), HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();
        var provider = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/providers-configurations/", new { provider = "twilio", account_sid = "ACaudit", auth_token = "audit-secret-1" }), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
        await ApiAssert.Ok(await admin.PatchJson($"{Prefix}/telephony/providers-configurations/{provider}/", new { auth_token = "audit-secret-2" }), "Provider configuration updated successfully.");
        await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/bridges/", new { name = "B", slug = "audit-bridge" }), HttpStatusCode.Created);
        await ApiAssert.Ok(await admin.PostJson($"{Prefix}/telephony/bridges/audit-bridge/connect-provider/", new { provider_config_id = provider, phone_number = "+14155550100" }), "Provider connected to bridge successfully.");
        var member = ClientFor(org, org.Member);
        var run = (await ApiAssert.Ok(await member.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new { pilot = agent, documents = new[] { new { name = "Ada", contact_number = "+14155550101" } }, schedule = new { type = "at", at = "2099-01-01T00:00:00Z" } }), "Task Created Successfully"))["data"]!["run_id"]!.GetValue<string>();
        await ApiAssert.Ok(await member.PostAsync($"{Prefix}/spaces/{space}/runs/{run}/cancel/", null), "Run cancelled successfully");
        // A key is its owner's: its creation and revocation are in no organization's log.
        var key = (await ApiAssert.Envelope(await member.PostJson($"{Prefix}/api-keys/", new { name = "ci" }), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.NoContent, (await member.DeleteAsync($"{Prefix}/api-keys/{key}/")).StatusCode);
        await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/organizations/{org.Handle}/members/", new { email = "new.person@example.test", role = "viewer" }), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await ClientFor(org, org.Viewer).PostAsync($"{Prefix}/organizations/{org.Handle}/leave/", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Prefix}/spaces/{space}/")).StatusCode);

        var entries = await EntriesAsync(org);
        var actions = entries.Select(e => e!["action"]!.GetValue<string>()).Reverse().ToList();
        Assert.Equal(
            ["space.created", "space.updated", "agent.created", "provider.created", "provider.updated", "bridge.created", "bridge.connect_provider",
             "run.created", "run.cancel", "member.invited", "member.left", "space.deleted"],
            actions);
        var updated = entries.Single(e => e!["action"]!.GetValue<string>() == "provider.updated")!;
        Assert.Equal(provider.ToString(System.Globalization.CultureInfo.InvariantCulture), updated["target_id"]!.GetValue<string>());
        Assert.Equal(["auth_token"], updated["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(org.Admin.Email, updated["user"]!["email"]!.GetValue<string>());
        Assert.StartsWith("pdm_", updated["key_prefix"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(updated["ip_address"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(updated["request_id"]!.GetValue<string>()));
        var cancel = entries.Single(e => e!["action"]!.GetValue<string>() == "run.cancel")!;
        Assert.Equal(run, cancel["target_id"]!.GetValue<string>());
        Assert.Equal(org.Member.Email, cancel["user"]!["email"]!.GetValue<string>());
        var created = entries.Single(e => e!["action"]!.GetValue<string>() == "run.created")!;
        Assert.Equal(run, created["target_id"]!.GetValue<string>());
        Assert.Equal(["documents", "pilot", "schedule"], created["fields"]!.AsArray().Select(f => f!.GetValue<string>()).Order());
        Assert.Equal(space, entries.Single(e => e!["action"]!.GetValue<string>() == "space.created")!["target_id"]!.GetValue<string>());
        Assert.DoesNotContain("audit-secret", entries.ToJsonString(), StringComparison.Ordinal);

        Assert.Single(await EntriesAsync(org, "&action=provider.updated"));
        Assert.Equal(3, (await EntriesAsync(org, "&target_type=space")).Count);
    }

    /// <summary>Every change of the telephony, voice, organization, member and call endpoints: one entry each, naming what changed.</summary>
    [Fact]
    public async Task EveryChange_IsRecordedOnce_WithItsTargetAndFields()
    {
        var org = await NewOrgAsync();
        var admin = ClientFor(org, org.Admin);
        static async Task<JsonNode> Data(HttpResponseMessage response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!;
        }
        static async Task Gone(Task<HttpResponseMessage> response) => Assert.Equal(HttpStatusCode.NoContent, (await response).StatusCode);
        var provider = (await Data(await admin.PostJson($"{Prefix}/telephony/providers-configurations/", new { provider = "twilio", account_sid = "ACtrail", auth_token = "t" })))["id"]!.GetValue<int>();
        await Data(await admin.PatchJson($"{Prefix}/telephony/providers-configurations/{provider}/", new { name = "Renamed" }));
        var number = (await Data(await admin.PostJson($"{Prefix}/telephony/numbers/", new { number = "+14155550170", provider_config_id = provider })))["id"]!.GetValue<int>();
        await Data(await admin.PostJson($"{Prefix}/telephony/bridges/", new { name = "Trail", slug = "trail" }));
        await Data(await admin.PatchJson($"{Prefix}/telephony/bridges/trail/", new { description = "d" }));
        await Data(await admin.PostJson($"{Prefix}/telephony/bridges/trail/connect-provider/", new { number_id = number }));
        await Data(await admin.PostJson($"{Prefix}/telephony/bridges/trail/disconnect-provider/", new { number_id = number }));
        var agent = (await Data(await admin.PostJson($"{Prefix}/agents/", new { name = "Trail agent", state = "published" })))["handle"]!.GetValue<string>();
        await Data(await admin.PostJson($"{Prefix}/telephony/numbers/attach/", new { numbers = new[] { "+14155550170" }, agent_id = agent }));
        await Data(await admin.PostJson($"{Prefix}/telephony/numbers/detach/", new { numbers = new[] { "+14155550170" } }));
        var trunk = (await Data(await admin.PostJson($"{Prefix}/telephony/trunks/", new { name = "Carrier", sip_url = "sip:carrier.example.com" })))["id"]!.GetValue<int>();
        await Data(await admin.PatchJson($"{Prefix}/telephony/trunks/{trunk}/", new { region = "US" }));
        await Data(await admin.PostJson($"{Prefix}/telephony/trunks/{trunk}/attach-numbers/", new { number_ids = new[] { number } }));
        await Data(await admin.PostJson($"{Prefix}/telephony/trunks/{trunk}/detach-numbers/", new { number_ids = new[] { number } }));
        await Gone(admin.DeleteAsync($"{Prefix}/telephony/trunks/{trunk}/"));
        var voice = (await Data(await admin.PostJson($"{Prefix}/voice-profiles/", new { name = "Warm", language = "en-US", tts_provider = "cartesia", tts_voice = "v1" })))["data"]!["profile_id"]!.GetValue<string>();
        await Data(await admin.PatchJson($"{Prefix}/voice-profiles/{voice}/", new { description = "d" }));
        await Gone(admin.DeleteAsync($"{Prefix}/voice-profiles/{voice}/"));
        await Gone(admin.DeleteAsync($"{Prefix}/telephony/numbers/{number}/"));
        await Gone(admin.DeleteAsync($"{Prefix}/telephony/bridges/trail/"));
        await Gone(admin.DeleteAsync($"{Prefix}/telephony/providers-configurations/{provider}/"));
        await Data(await admin.PatchJson($"{Prefix}/organizations/{org.Handle}/", new { timezone = "Europe/Paris" }));
        await Data(await admin.PatchJson($"{Prefix}/organizations/{org.Handle}/members/{org.Viewer.Id}/", new { role = "member" }));
        await Gone(admin.DeleteAsync($"{Prefix}/organizations/{org.Handle}/members/{org.Viewer.Id}/"));
        var invitation = (await Data(await admin.PostJson($"{Prefix}/organizations/{org.Handle}/members/", new { email = "trail@example.test" })))["id"]!.GetValue<int>();
        await Gone(admin.DeleteAsync($"{Prefix}/organizations/{org.Handle}/invitations/{invitation}/"));
        var member = ClientFor(org, org.Member);
        var call = (await Data(await member.PostJson($"{Prefix}/speech/v1/calls/", new { to_number = "+14155550171", agent_id = agent })))["call_id"]!.GetValue<string>();
        await Data(await member.PostAsync($"{Prefix}/speech/v1/calls/{call}/hangup/", null));

        static string Id(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = (await EntriesAsync(org)).Reverse().Select(e => (
            e!["action"]!.GetValue<string>(), e["target_id"]?.GetValue<string>(),
            string.Join(",", (e["fields"]?.AsArray() ?? []).Select(f => f!.GetValue<string>()).Order()))).ToList();
        Assert.Equal<(string, string?, string)>(
        [
            ("provider.created", Id(provider), "account_sid,auth_token,provider"),
            ("provider.updated", Id(provider), "name"),
            ("number.created", Id(number), "active,channels_count,number,provider_config_id"),
            ("bridge.created", "trail", "name,slug"),
            ("bridge.updated", "trail", "description"),
            ("bridge.connect_provider", "trail", "number_id"),
            ("bridge.disconnect_provider", "trail", "number_id"),
            ("agent.created", agent, "name,state,type"),
            ("number.attach", null, "agent_id,numbers"),
            ("number.detach", null, "numbers"),
            ("trunk.created", Id(trunk), "active,name,sip_url"),
            ("trunk.updated", Id(trunk), "region"),
            ("trunk.attach_numbers", Id(trunk), "number_ids"),
            ("trunk.detach_numbers", Id(trunk), "number_ids"),
            ("trunk.deleted", Id(trunk), ""),
            ("voice_profile.created", voice, "language,name,tts_provider,tts_voice"),
            ("voice_profile.updated", voice, "description"),
            ("voice_profile.deleted", voice, ""),
            ("number.deleted", Id(number), ""),
            ("bridge.deleted", "trail", ""),
            ("provider.deleted", Id(provider), ""),
            ("organization.updated", org.Handle, "timezone"),
            ("member.updated", Id(org.Viewer.Id), "role"),
            ("member.deleted", Id(org.Viewer.Id), ""),
            ("member.invited", Id(invitation), "email,role"),
            ("invitation.revoked", Id(invitation), ""),
            ("call.created", call, "agent_id,to_number"),
            ("call.hangup", call, ""),
        ], entries);
    }

    [Fact]
    public async Task RefusedChanges_LeaveNoEntry_AndOnlyAdminsReadTheLog()
    {
        var org = await NewOrgAsync();
        await ApiAssert.Invalid(await ClientFor(org, org.Admin).PostJson($"{Prefix}/spaces/", new { name = "" }), "name");
        await ApiAssert.Error(await ClientFor(org, org.Viewer).PostJson($"{Prefix}/spaces/", new { name = "x" }), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
        await ApiAssert.Error(await ClientFor(org, org.Admin).PatchJson($"{Prefix}/telephony/bridges/nope/", new { name = "x" }), HttpStatusCode.NotFound, "Bridge not found");
        Assert.Empty(await EntriesAsync(org));

        foreach (var user in new[] { org.Member, org.Viewer })
            await ApiAssert.Error(await ClientFor(org, user).GetAsync($"{Prefix}/audit-log/"), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");

        var other = await NewOrgAsync();
        await ApiAssert.Envelope(await ClientFor(other, other.Admin).PostJson($"{Prefix}/spaces/", new { name = "Theirs" }), HttpStatusCode.Created);
        Assert.Empty(await EntriesAsync(org));
        Assert.Single(await EntriesAsync(other));
    }

    [Fact]
    public async Task Entries_AreAppendOnly()
    {
        var org = await NewOrgAsync();
        await ApiAssert.Envelope(await ClientFor(org, org.Admin).PostJson($"{Prefix}/spaces/", new { name = "S" }), HttpStatusCode.Created);
        await using var scope = App.Scope(out var db, org.Id);
        var entry = await db.AuditLog.SingleAsync();
        entry.Action = "space.rewritten";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditLog.Remove(await db.AuditLog.SingleAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}

public sealed class AuditTestsOnSqlite(PodiumApp<Sqlite> app) : AuditTests<Sqlite>(app);

public sealed class AuditTestsOnPostgres(PodiumApp<Postgres> app) : AuditTests<Postgres>(app);
