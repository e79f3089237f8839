using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Features;

public abstract class ApiKeyTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    [Fact]
    public async Task CreateApiKey_ShowsKeyOnce_StoresOnlyItsHash()
    {
        var org = await NewOrgAsync();
        var client = App.Client(org.Member.Key);
        var created = await ApiAssert.Envelope(await client.PostJson($"{Prefix}/api-keys/", new { name = "ci", expires_in_days = 30 }), HttpStatusCode.Created, "API key created successfully");
        var key = created["data"]!["key"]!.GetValue<string>();
        Assert.Matches("^pdm_[A-Za-z0-9]{40}$", key);
        Assert.StartsWith(created["data"]!["prefix"]!.GetValue<string>(), key, StringComparison.Ordinal);

        await ApiAssert.Ok(await App.Client(key, org.Handle).GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully");

        var list = await ApiAssert.Ok(await client.GetAsync($"{Prefix}/api-keys/"), "API keys fetched successfully");
        Assert.Equal(2, list["count"]!.GetValue<int>());
        Assert.DoesNotContain(key, list.ToJsonString(), StringComparison.Ordinal);
        Assert.All(list["data"]!.AsArray(), k => Assert.Null(k!["key"]));

        await using var scope = App.Scope(out var db);
        var stored = await db.ApiKeys.SingleAsync(k => k.Name == "ci" && k.UserId == org.Member.Id);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), stored.Hash);
        Assert.NotNull(stored.ExpiresAt);
    }

    [Fact]
    public async Task ListApiKeys_ShowsOnlyCallersKeys()
    {
        var org = await NewOrgAsync();
        var body = await ApiAssert.Ok(await App.Client(org.Admin.Key).GetAsync($"{Prefix}/api-keys/"), "API keys fetched successfully");
        Assert.Equal(1, body["count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{\"expires_in_days\": 0}", "expires_in_days")]
    [InlineData("{\"expires_in_days\": 100000}", "expires_in_days")]
    [InlineData("{\"expires_in_days\": \"soon\"}", "expires_in_days")]
    public async Task CreateApiKey_WithInvalidExpiry_Is400(string json, string field)
    {
        var org = await NewOrgAsync();
        await ApiAssert.Invalid(await App.Client(org.Member.Key).PostRaw($"{Prefix}/api-keys/", json), field);
    }

    [Fact]
    public async Task ApiKeys_WithoutKey_Is401()
    {
        await ApiAssert.Error(await App.Client().GetAsync($"{Prefix}/api-keys/"), HttpStatusCode.Unauthorized, "Authentication credentials were not provided.");
    }

    [Fact]
    public async Task RevokeOwnKey_ThenItIsRefused()
    {
        var org = await NewOrgAsync();
        var client = App.Client(org.Viewer.Key);
        var id = await KeyIdAsync(org.Viewer);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{Prefix}/api-keys/{id}/")).StatusCode);
        await ApiAssert.Error(await client.GetAsync($"{Prefix}/api-keys/"), HttpStatusCode.Unauthorized, "Invalid token.");
    }

    [Fact]
    public async Task RevokeColleaguesKey_AsMemberOrAdmin_Is404_AndTheKeyKeepsWorking()
    {
        var org = await NewOrgAsync();
        var id = await KeyIdAsync(org.Viewer);
        foreach (var colleague in new[] { org.Member, org.Admin })
            await ApiAssert.Error(await App.Client(colleague.Key).DeleteAsync($"{Prefix}/api-keys/{id}/"), HttpStatusCode.NotFound, "API key not found");
        await ApiAssert.Ok(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully");

        // To cut the viewer off, the admin removes the membership: the key no longer opens the organization, at once.
        Assert.Equal(HttpStatusCode.NoContent, (await App.Client(org.Admin.Key).DeleteAsync($"{Prefix}/organizations/{org.Handle}/members/{org.Viewer.Id}/")).StatusCode);
        await ApiAssert.Error(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/"), HttpStatusCode.NotFound, "Organization not found");
        await ApiAssert.Ok(await App.Client(org.Viewer.Key).GetAsync($"{Prefix}/api-keys/"), "API keys fetched successfully");
    }

    [Fact]
    public async Task CreateKey_PastTheUsersLimit_Is409()
    {
        var org = await NewOrgAsync();
        var client = App.Client(org.Member.Key);
        // The member already holds one key.
        for (var i = 1; i < 25; i++)
            await ApiAssert.Envelope(await client.PostJson($"{Prefix}/api-keys/", new { name = $"k{i}" }), HttpStatusCode.Created);
        await ApiAssert.Error(await client.PostJson($"{Prefix}/api-keys/", new { name = "one more" }), HttpStatusCode.Conflict,
            "You have 25 active API keys, the most this server allows; revoke one first.");
        var id = await KeyIdAsync(org.Member, last: true);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{Prefix}/api-keys/{id}/")).StatusCode);
        await ApiAssert.Envelope(await client.PostJson($"{Prefix}/api-keys/", new { name = "instead" }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task RevokeStrangersKey_Is404()
    {
        var mine = await NewOrgAsync();
        var theirs = await NewOrgAsync();
        var id = await KeyIdAsync(theirs.Viewer);
        await ApiAssert.Error(await App.Client(mine.Admin.Key).DeleteAsync($"{Prefix}/api-keys/{id}/"), HttpStatusCode.NotFound, "API key not found");
        await ApiAssert.Error(await App.Client(mine.Admin.Key).DeleteAsync($"{Prefix}/api-keys/999999999/"), HttpStatusCode.NotFound, "API key not found");
        await ApiAssert.Ok(await ClientFor(theirs, theirs.Viewer).GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully");
    }

    private async Task<int> KeyIdAsync(TestUser user, bool last = false)
    {
        await using var scope = App.Scope(out var db);
        var keys = db.ApiKeys.Where(k => k.UserId == user.Id).Select(k => k.Id);
        return last ? await keys.MaxAsync() : await keys.SingleAsync();
    }
}

public sealed class ApiKeyTestsOnSqlite(PodiumApp<Sqlite> app) : ApiKeyTests<Sqlite>(app);

public sealed class ApiKeyTestsOnPostgres(PodiumApp<Postgres> app) : ApiKeyTests<Postgres>(app);
