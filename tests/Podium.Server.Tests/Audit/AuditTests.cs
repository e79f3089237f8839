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
