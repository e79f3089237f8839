using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Tenancy;

/// <summary>Nobody joins an organization without accepting, keys belong to their owners, and anyone may leave.</summary>
public abstract class MembershipConsentTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private static string Members(TestOrg org) => $"{Prefix}/organizations/{org.Handle}/members/";

    [Fact]
    public async Task AStrangersOrganization_CannotAddAUserWithoutConsent_NorRevokeTheirKeys()
    {
        var home = await NewOrgAsync();
        var stranger = await NewOrgAsync();
        var victim = home.Admin;
        var attacker = App.Client(stranger.Admin.Key);
        async Task<int> Organizations() =>
            (await ApiAssert.Ok(await App.Client(victim.Key).GetAsync($"{Prefix}/organizations/"), "Organizations fetched successfully"))["count"]!.GetValue<int>();
        async Task StillWorks() => await ApiAssert.Ok(await ClientFor(home, victim).GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully");

        var invited = await ApiAssert.Envelope(await attacker.PostJson(Members(stranger), new { email = victim.Email, role = "viewer" }), HttpStatusCode.Created, "Invitation sent successfully");
        Assert.Equal("pending", invited["data"]!["status"]!.GetValue<string>());
        Assert.Equal(1, await Organizations());
        Assert.DoesNotContain(victim.Email, (await attacker.GetStringAsync(Members(stranger))), StringComparison.Ordinal);

        // Not a member, so not one of the stranger's to cut off: the victim's key is nobody's but theirs.
        foreach (var key in await KeyIdsAsync(victim))
            await ApiAssert.Error(await attacker.DeleteAsync($"{Prefix}/api-keys/{key}/"), HttpStatusCode.NotFound, "API key not found");
        await StillWorks();

        var mine = (await ApiAssert.Ok(await App.Client(victim.Key).GetAsync($"{Prefix}/invitations/"), "Invitations fetched successfully"))["data"]!.AsArray();
        var id = Assert.Single(mine)!["id"]!.GetValue<int>();
        Assert.Equal(stranger.Handle, mine[0]!["organization"]!["domain_handle"]!.GetValue<string>());
        await ApiAssert.Ok(await App.Client(victim.Key).PostAsync($"{Prefix}/invitations/{id}/decline/", null), "Invitation declined successfully");
        await ApiAssert.Error(await App.Client(victim.Key).PostAsync($"{Prefix}/invitations/{id}/accept/", null), HttpStatusCode.NotFound, "Invitation not found");
        Assert.Equal(1, await Organizations());

        // Invited again and accepted: a member with the invited role, who can leave again.
        await ApiAssert.Envelope(await attacker.PostJson(Members(stranger), new { email = victim.Email, role = "member" }), HttpStatusCode.Created);
        var accepted = await ApiAssert.Ok(await App.Client(victim.Key).PostAsync($"{Prefix}/invitations/{id}/accept/", null), "Invitation accepted successfully");
        Assert.Equal("member", accepted["data"]!["role"]!.GetValue<string>());
        Assert.Equal(2, await Organizations());
        foreach (var key in await KeyIdsAsync(victim))
            await ApiAssert.Error(await attacker.DeleteAsync($"{Prefix}/api-keys/{key}/"), HttpStatusCode.NotFound, "API key not found");
        Assert.Equal(HttpStatusCode.NoContent, (await App.Client(victim.Key, stranger.Handle).PostAsync($"{Prefix}/organizations/{stranger.Handle}/leave/", null)).StatusCode);
        Assert.Equal(1, await Organizations());
        await StillWorks();

        // Each organization's log holds what was done in it.
        var strangerLog = await ActionsAsync(stranger);
        Assert.Equal(["member.invited", "invitation.declined", "member.invited", "member.joined", "member.left"], strangerLog);
        Assert.Empty(await ActionsAsync(home));
    }

    [Fact]
    public async Task InvitingAnUnknownAddress_AnswersExactlyAsInvitingAUser()
    {
        var org = await NewOrgAsync();
        var other = await NewOrgAsync();
        var admin = App.Client(org.Admin.Key);
        var known = await ApiAssert.Envelope(await admin.PostJson(Members(org), new { email = other.Viewer.Email, role = "member" }), HttpStatusCode.Created, "Invitation sent successfully");
        var unknown = await ApiAssert.Envelope(await admin.PostJson(Members(org), new { email = "nobody-here@example.test", role = "member" }), HttpStatusCode.Created, "Invitation sent successfully");
        static string Shape(JsonNode body) => string.Join(",", body["data"]!.AsObject().Select(p => $"{p.Key}:{p.Value?.GetValueKind()}"));
        Assert.Equal(Shape(known), Shape(unknown));
        Assert.DoesNotContain("Test User", known.ToJsonString(), StringComparison.Ordinal);

        var pending = await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/organizations/{org.Handle}/invitations/"), "Invitations fetched successfully");
        Assert.Equal(2, pending["count"]!.GetValue<int>());
        // An existing member is refused: the admin already sees who the members are.
        await ApiAssert.Error(await admin.PostJson(Members(org), new { email = org.Viewer.Email, role = "admin" }), HttpStatusCode.Conflict, "This user is already a member of the organization.");
    }

    [Fact]
    public async Task AnInvitation_IsAnsweredOnlyByItsAddressee_WhileItStands()
    {
        var org = await NewOrgAsync();
        var invitee = (await NewOrgAsync()).Viewer;
        var bystander = (await NewOrgAsync()).Viewer;
        var admin = App.Client(org.Admin.Key);
        var id = (await ApiAssert.Envelope(await admin.PostJson(Members(org), new { email = invitee.Email, role = "admin" }), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();

        await ApiAssert.Error(await App.Client(bystander.Key).PostAsync($"{Prefix}/invitations/{id}/accept/", null), HttpStatusCode.NotFound, "Invitation not found");
        Assert.Equal(0, (await ApiAssert.Ok(await App.Client(bystander.Key).GetAsync($"{Prefix}/invitations/"), "Invitations fetched successfully"))["count"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Prefix}/organizations/{org.Handle}/invitations/{id}/")).StatusCode);
        await ApiAssert.Error(await App.Client(invitee.Key).PostAsync($"{Prefix}/invitations/{id}/accept/", null), HttpStatusCode.NotFound, "Invitation not found");

        await ApiAssert.Envelope(await admin.PostJson(Members(org), new { email = invitee.Email, role = "admin" }), HttpStatusCode.Created);
        await using (var scope = App.Scope(out var db))
            await db.Invitations.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        await ApiAssert.Error(await App.Client(invitee.Key).PostAsync($"{Prefix}/invitations/{id}/accept/", null), HttpStatusCode.NotFound, "Invitation not found");

        foreach (var user in new[] { org.Member, org.Viewer })
            await ApiAssert.Error(await ClientFor(org, user).GetAsync($"{Prefix}/organizations/{org.Handle}/invitations/"), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
    }

    [Fact]
    public async Task Leaving_EndsAccessAtOnce_ButTheLastAdminMustStay()
    {
        var org = await NewOrgAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await ClientFor(org, org.Member).PostAsync($"{Prefix}/organizations/{org.Handle}/leave/", null)).StatusCode);
        await ApiAssert.Error(await ClientFor(org, org.Member).GetAsync($"{Prefix}/spaces/"), HttpStatusCode.NotFound, "Organization not found");
        await ApiAssert.Error(await ClientFor(org, org.Admin).PostAsync($"{Prefix}/organizations/{org.Handle}/leave/", null), HttpStatusCode.Conflict, "An organization must keep at least one admin.");
        await ApiAssert.Error(await App.Client(org.Member.Key).PostAsync($"{Prefix}/organizations/{org.Handle}/leave/", null), HttpStatusCode.NotFound, "Organization not found");
    }

    [Fact]
    public async Task CreatingAnOrganization_IsTheOperatorsChoice_OffByDefault()
    {
        var org = await NewOrgAsync();
        await ApiAssert.Error(await App.Client(org.Admin.Key).PostJson($"{Prefix}/organizations/", new { name = "Mine", domain_handle = "mine-by-default" }),
            HttpStatusCode.Forbidden, "Creating organizations is turned off on this server; its operator creates them.");
    }

    private async Task<List<string>> ActionsAsync(TestOrg org) =>
        [.. (await ApiAssert.Ok(await ClientFor(org, org.Admin).GetAsync($"{Prefix}/audit-log/?page_size=500"), "Audit log fetched successfully"))["data"]!.AsArray()
            .Select(e => e!["action"]!.GetValue<string>()).Reverse()];

    private async Task<List<int>> KeyIdsAsync(TestUser user)
    {
        await using var scope = App.Scope(out var db);
        return await db.ApiKeys.Where(k => k.UserId == user.Id).Select(k => k.Id).ToListAsync();
    }
}

public sealed class MembershipConsentTestsOnSqlite(PodiumApp<Sqlite> app) : MembershipConsentTests<Sqlite>(app);

public sealed class MembershipConsentTestsOnPostgres(PodiumApp<Postgres> app) : MembershipConsentTests<Postgres>(app);
