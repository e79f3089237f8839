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
    public async Task RevokeColleaguesKey_AsMember_Is403_AsAdmin_Works()
    {
        var org = await NewOrgAsync();
        var id = await KeyIdAsync(org.Viewer);
        await ApiAssert.Error(await App.Client(org.Member.Key).DeleteAsync($"{Prefix}/api-keys/{id}/"), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
        await ApiAssert.Ok(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully");

        Assert.Equal(HttpStatusCode.NoContent, (await App.Client(org.Admin.Key).DeleteAsync($"{Prefix}/api-keys/{id}/")).StatusCode);
        await ApiAssert.Error(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/"), HttpStatusCode.Unauthorized, "Invalid token.");
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

    private async Task<int> KeyIdAsync(TestUser user)
    {
        await using var scope = App.Scope(out var db);
        return await db.ApiKeys.Where(k => k.UserId == user.Id).Select(k => k.Id).SingleAsync();
    }
}

public sealed class ApiKeyTestsOnSqlite(PodiumApp<Sqlite> app) : ApiKeyTests<Sqlite>(app);

public sealed class ApiKeyTestsOnPostgres(PodiumApp<Postgres> app) : ApiKeyTests<Postgres>(app);
