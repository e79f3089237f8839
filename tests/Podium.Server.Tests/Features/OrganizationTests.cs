using System.Net;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Features;

/// <summary>Organizations on a server that lets users create them (<c>Organizations:SelfService</c>).</summary>
public abstract class OrganizationTests<TDb>(SelfServiceApp<TDb> app) : ApiTestBase<TDb>(app), IClassFixture<SelfServiceApp<TDb>> where TDb : TestDatabase, new()
{
    [Fact]
    public async Task CreateOrganization_PastTheUsersLimit_Is403()
    {
        var org = await NewOrgAsync();
        var client = App.Client(org.Member.Key);
        for (var i = 0; i < SelfServiceApp<TDb>.MaxPerUser; i++)
            await ApiAssert.Envelope(await client.PostJson($"{Prefix}/organizations/", new { name = "Mine", domain_handle = $"mine-{Guid.NewGuid():N}"[..20] }), HttpStatusCode.Created);
        await ApiAssert.Error(await client.PostJson($"{Prefix}/organizations/", new { name = "One more", domain_handle = $"more-{Guid.NewGuid():N}"[..20] }),
            HttpStatusCode.Forbidden, "You have created 3 organizations, the most this server allows.");
        // Others are not held to the member's count.
        await ApiAssert.Envelope(await App.Client(org.Viewer.Key).PostJson($"{Prefix}/organizations/", new { name = "Theirs", domain_handle = $"theirs-{Guid.NewGuid():N}"[..20] }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task ListOrganizations_WithoutOrgHandle_ReturnsOnlyCallersOrgsWithRole()
    {
        var first = await NewOrgAsync();
        var other = await NewOrgAsync();
        var body = await ApiAssert.Ok(await App.Client(first.Member.Key).GetAsync($"{Prefix}/organizations/"), "Organizations fetched successfully");

        var org = Assert.Single(body["data"]!.AsArray())!;
        Assert.Equal(1, body["count"]!.GetValue<int>());
        Assert.Equal(first.Handle, org["domain_handle"]!.GetValue<string>());
        Assert.Equal("member", org["role"]!.GetValue<string>());
        Assert.Matches("^[A-Z0-9]{20}$", org["token"]!.GetValue<string>());
        Assert.Equal(first.Id, org["id"]!.GetValue<int>());
        foreach (var field in new[] { "name", "domain", "is_private_domain", "created_at" })
            Assert.NotNull(org[field]);
        Assert.DoesNotContain(other.Handle, body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateOrganization_MakesCreatorAdmin()
    {
        var org = await NewOrgAsync();
        var handle = $"new-{Guid.NewGuid():N}"[..14];
        var response = await App.Client(org.Viewer.Key).PostJson($"{Prefix}/organizations/",
            new { name = "Acme", domain_handle = handle.ToUpperInvariant(), domain = "acme.test", timezone = "Europe/London", default_phone_region = "gb" });
        var body = await ApiAssert.Envelope(response, HttpStatusCode.Created, "Organization created successfully");
        Assert.Equal(handle, body["data"]!["domain_handle"]!.GetValue<string>());
        Assert.Equal("admin", body["data"]!["role"]!.GetValue<string>());
        Assert.Equal("GB", body["data"]!["default_phone_region"]!.GetValue<string>());

        var spaces = await App.Client(org.Viewer.Key, handle).GetAsync($"{Prefix}/spaces/");
        await ApiAssert.Ok(spaces, "Spaces fetched successfully");
    }

    [Fact]
    public async Task CreateOrganization_WithTakenHandle_Is409()
    {
        var org = await NewOrgAsync();
        var response = await App.Client(org.Admin.Key).PostJson($"{Prefix}/organizations/", new { name = "Copy", domain_handle = org.Handle });
        await ApiAssert.Error(response, HttpStatusCode.Conflict, "An organization with this domain_handle already exists.");
    }

    [Theory]
    [InlineData("{\"domain_handle\": \"ok-handle\"}", "name")]
    [InlineData("{\"name\": \"x\", \"domain_handle\": \"-bad\"}", "domain_handle")]
    [InlineData("{\"name\": \"x\", \"domain_handle\": \"has space\"}", "domain_handle")]
    [InlineData("{\"name\": \"x\", \"domain_handle\": \"ok-handle\", \"timezone\": \"Mars/Olympus\"}", "timezone")]
    [InlineData("{\"name\": \"x\", \"domain_handle\": \"ok-handle\", \"default_phone_region\": \"ZZ\"}", "default_phone_region")]
    [InlineData("{\"name\": \"\", \"domain_handle\": \"ok-handle\"}", "name")]
    public async Task CreateOrganization_WithInvalidFields_Is400(string json, string field)
    {
        var org = await NewOrgAsync();
        await ApiAssert.Invalid(await App.Client(org.Admin.Key).PostRaw($"{Prefix}/organizations/", json), field);
    }

    [Fact]
    public async Task CreateOrganization_WithoutKey_Is401()
    {
        var response = await App.Client().PostJson($"{Prefix}/organizations/", new { name = "x", domain_handle = "no-key" });
        await ApiAssert.Error(response, HttpStatusCode.Unauthorized, "Authentication credentials were not provided.");
    }

    [Fact]
    public async Task UpdateOrganization_AsAdmin_ChangesFields()
    {
        var org = await NewOrgAsync();
        var response = await App.Client(org.Admin.Key).PatchJson($"{Prefix}/organizations/{org.Handle}/", new { name = "Renamed", timezone = "Asia/Kolkata" });
        var body = await ApiAssert.Ok(response, "Organization updated successfully");
        Assert.Equal("Renamed", body["data"]!["name"]!.GetValue<string>());
        Assert.Equal("Asia/Kolkata", body["data"]!["timezone"]!.GetValue<string>());
        Assert.Equal(org.Handle, body["data"]!["domain_handle"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateOrganization_AsMemberOrViewer_Is403()
    {
        var org = await NewOrgAsync();
        foreach (var user in new[] { org.Member, org.Viewer })
        {
            var response = await App.Client(user.Key).PatchJson($"{Prefix}/organizations/{org.Handle}/", new { name = "Nope" });
            await ApiAssert.Error(response, HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
        }
    }

    [Fact]
    public async Task UpdateOrganization_OfAnotherOrg_Is404()
    {
        var mine = await NewOrgAsync();
        var theirs = await NewOrgAsync();
        var response = await App.Client(mine.Admin.Key).PatchJson($"{Prefix}/organizations/{theirs.Handle}/", new { name = "Mine now" });
        await ApiAssert.Error(response, HttpStatusCode.NotFound, "Organization not found");
    }

    [Fact]
    public async Task UpdateOrganization_WithInvalidTimezone_Is400()
    {
        var org = await NewOrgAsync();
        var response = await App.Client(org.Admin.Key).PatchJson($"{Prefix}/organizations/{org.Handle}/", new { timezone = "Nowhere/Land" });
        await ApiAssert.Invalid(response, "timezone");
    }
}

public sealed class OrganizationTestsOnSqlite(SelfServiceApp<Sqlite> app) : OrganizationTests<Sqlite>(app);

public sealed class OrganizationTestsOnPostgres(SelfServiceApp<Postgres> app) : OrganizationTests<Postgres>(app);
