using System.Net;
using Podium.Data.Entities;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Features;

public abstract class MemberTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private static string Members(TestOrg org) => $"{Prefix}/organizations/{org.Handle}/members/";

    [Fact]
    public async Task ListMembers_AsAdmin_ReturnsEveryRole()
    {
        var org = await NewOrgAsync();
        var body = await ApiAssert.Ok(await App.Client(org.Admin.Key).GetAsync(Members(org)), "Members fetched successfully");
        Assert.Equal(3, body["count"]!.GetValue<int>());
        var roles = body["data"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()).Order();
        Assert.Equal(["admin", "member", "viewer"], roles);
    }

    [Fact]
    public async Task AddMember_ByEmail_InvitesThem_AndAcceptingGivesAccessWithRole()
    {
        var org = await NewOrgAsync();
        var other = await NewOrgAsync();
        var response = await App.Client(org.Admin.Key).PostJson(Members(org), new { email = other.Viewer.Email.ToUpperInvariant(), role = "member" });
        var body = await ApiAssert.Envelope(response, HttpStatusCode.Created, "Invitation sent successfully");
        Assert.Equal("member", body["data"]!["role"]!.GetValue<string>());
        Assert.Equal(other.Viewer.Email, body["data"]!["email"]!.GetValue<string>());

        var id = body["data"]!["id"]!.GetValue<int>();
        await ApiAssert.Ok(await App.Client(other.Viewer.Key).PostAsync($"{Prefix}/invitations/{id}/accept/", null), "Invitation accepted successfully");
        var orgs = await ApiAssert.Ok(await App.Client(other.Viewer.Key).GetAsync($"{Prefix}/organizations/"), "Organizations fetched successfully");
        Assert.Equal(2, orgs["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task AddMember_Twice_Is409()
    {
        var org = await NewOrgAsync();
        var response = await App.Client(org.Admin.Key).PostJson(Members(org), new { email = org.Viewer.Email, role = "admin" });
        await ApiAssert.Error(response, HttpStatusCode.Conflict, "This user is already a member of the organization.");
    }

    [Theory]
    [InlineData("{\"email\": \"not-an-email\", \"role\": \"member\"}", "email")]
    [InlineData("{\"email\": \"a@b.test\", \"role\": \"owner\"}", "role")]
    public async Task AddMember_WithInvalidFields_Is400(string json, string field)
    {
        var org = await NewOrgAsync();
        await ApiAssert.Invalid(await App.Client(org.Admin.Key).PostRaw(Members(org), json), field);
    }

    [Fact]
    public async Task Members_AsMemberOrViewer_Is403()
    {
        var org = await NewOrgAsync();
        foreach (var user in new[] { org.Member, org.Viewer })
        {
            var client = App.Client(user.Key);
            await ApiAssert.Error(await client.GetAsync(Members(org)), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
            await ApiAssert.Error(await client.PostJson(Members(org), new { email = "x@y.test", role = "admin" }), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
            await ApiAssert.Error(await client.DeleteAsync($"{Members(org)}{org.Admin.Id}/"), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
        }
    }

    [Fact]
    public async Task Members_OfAnotherOrg_Is404()
    {
        var mine = await NewOrgAsync();
        var theirs = await NewOrgAsync();
        await ApiAssert.Error(await App.Client(mine.Admin.Key).GetAsync(Members(theirs)), HttpStatusCode.NotFound, "Organization not found");
        await ApiAssert.Error(await App.Client(mine.Admin.Key).DeleteAsync($"{Members(theirs)}{theirs.Viewer.Id}/"), HttpStatusCode.NotFound, "Organization not found");
    }

    [Fact]
    public async Task RemoveMember_EndsTheirAccess()
    {
        var org = await NewOrgAsync();
        var response = await App.Client(org.Admin.Key).DeleteAsync($"{Members(org)}{org.Viewer.Id}/");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await ApiAssert.Error(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/"), HttpStatusCode.NotFound, "Organization not found");
    }

    [Fact]
    public async Task RemoveMember_WhoIsNotAMember_Is404()
    {
        var org = await NewOrgAsync();
        var stranger = await NewOrgAsync();
        await ApiAssert.Error(await App.Client(org.Admin.Key).DeleteAsync($"{Members(org)}{stranger.Admin.Id}/"), HttpStatusCode.NotFound, "Member not found");
    }

    [Fact]
    public async Task RemoveOrDemote_LastAdmin_Is409()
    {
        var org = await NewOrgAsync();
        var client = App.Client(org.Admin.Key);
        await ApiAssert.Error(await client.DeleteAsync($"{Members(org)}{org.Admin.Id}/"), HttpStatusCode.Conflict, "An organization must keep at least one admin.");
        await ApiAssert.Error(await client.PatchJson($"{Members(org)}{org.Admin.Id}/", new { role = "viewer" }), HttpStatusCode.Conflict, "An organization must keep at least one admin.");
    }

    [Fact]
    public async Task UpdateMember_ChangesRole()
    {
        var org = await NewOrgAsync();
        var body = await ApiAssert.Ok(await App.Client(org.Admin.Key).PatchJson($"{Members(org)}{org.Viewer.Id}/", new { role = "admin" }), "Member updated successfully");
        Assert.Equal("admin", body["data"]!["role"]!.GetValue<string>());
        var promoted = await App.Client(org.Viewer.Key).GetAsync(Members(org));
        await ApiAssert.Ok(promoted, "Members fetched successfully");
        Assert.Equal(Role.Admin.ToString().ToLowerInvariant(), body["data"]!["role"]!.GetValue<string>());
    }
}

public sealed class MemberTestsOnSqlite(PodiumApp<Sqlite> app) : MemberTests<Sqlite>(app);

public sealed class MemberTestsOnPostgres(PodiumApp<Postgres> app) : MemberTests<Postgres>(app);
