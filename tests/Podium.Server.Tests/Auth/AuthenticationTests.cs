using System.Net;
using Microsoft.EntityFrameworkCore;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Auth;

public abstract class AuthenticationTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    [Fact]
    public async Task Request_WithoutAuthorization_Is401CredentialsNotProvided()
    {
        var response = await App.Client(orgHandle: "anything").GetAsync($"{Prefix}/spaces/");
        await ApiAssert.Error(response, HttpStatusCode.Unauthorized, "Authentication credentials were not provided.");
    }

    [Theory]
    [InlineData("Token pdm_doesnotexist0000000000000000000000000000")]
    [InlineData("Token ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Token a b")]
    public async Task Request_WithUnknownOrMalformedKey_Is401InvalidToken(string header)
    {
        var client = App.Client();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        var response = await client.GetAsync($"{Prefix}/organizations/");
        await ApiAssert.Error(response, HttpStatusCode.Unauthorized, "Invalid token.");
    }

    [Theory]
    [InlineData("Token {0}")]
    [InlineData("token {0}")]
    [InlineData("Bearer {0}")]
    [InlineData("BEARER {0}")]
    [InlineData("{0}")]
    public async Task Request_WithAnyAcceptedScheme_Authenticates(string format)
    {
        var org = await NewOrgAsync();
        var client = App.Client(orgHandle: org.Handle);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, org.Viewer.Key));
        await ApiAssert.Ok(await client.GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully");
    }

    [Fact]
    public async Task Request_WithRevokedKey_Is401InvalidToken()
    {
        var org = await NewOrgAsync();
        await using (App.Scope(out var db))
            await db.ApiKeys.Where(k => k.UserId == org.Viewer.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTime.UtcNow));
        var response = await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/");
        await ApiAssert.Error(response, HttpStatusCode.Unauthorized, "Invalid token.");
    }

    [Fact]
    public async Task Request_WithExpiredKey_Is403TokenExpired()
    {
        var org = await NewOrgAsync();
        await using (App.Scope(out var db))
            await db.ApiKeys.Where(k => k.UserId == org.Viewer.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        var response = await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/");
        await ApiAssert.Error(response, HttpStatusCode.Forbidden, "Token has expired.");
    }

    [Fact]
    public async Task Request_WithKey_RecordsLastUse()
    {
        var org = await NewOrgAsync();
        await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/organizations/");
        // Written in the background, off the request path, within a second or so.
        await Eventually.WaitAsync(async () =>
        {
            await using var scope = App.Scope(out var db);
            return (await db.ApiKeys.SingleAsync(k => k.UserId == org.Viewer.Id)).LastUsedAt is not null;
        }, "the key's last use to be recorded");
    }

    [Fact]
    public async Task OrgScopedRequest_WithoutOrgHandle_Is400()
    {
        var org = await NewOrgAsync();
        var response = await App.Client(org.Viewer.Key).GetAsync($"{Prefix}/spaces/");
        await ApiAssert.Error(response, HttpStatusCode.BadRequest, "Org-Handle header is required.");
    }

    [Fact]
    public async Task OrgScopedRequest_ForUnknownOrg_Is404()
    {
        var org = await NewOrgAsync();
        var response = await App.Client(org.Viewer.Key, "no-such-org").GetAsync($"{Prefix}/spaces/");
        await ApiAssert.Error(response, HttpStatusCode.NotFound, "Organization not found");
    }

    [Fact]
    public async Task OrgScopedRequest_ForOrgCallerIsNotMemberOf_Is404()
    {
        var mine = await NewOrgAsync();
        var theirs = await NewOrgAsync();
        var response = await App.Client(mine.Admin.Key, theirs.Handle).GetAsync($"{Prefix}/agents/");
        await ApiAssert.Error(response, HttpStatusCode.NotFound, "Organization not found");
    }

    [Fact]
    public async Task OrgHandle_IsCaseInsensitive()
    {
        var org = await NewOrgAsync();
        var response = await App.Client(org.Viewer.Key, org.Handle.ToUpperInvariant()).GetAsync($"{Prefix}/spaces");
        await ApiAssert.Ok(response, "Spaces fetched successfully");
    }
}

public sealed class AuthenticationTestsOnSqlite(PodiumApp<Sqlite> app) : AuthenticationTests<Sqlite>(app);

public sealed class AuthenticationTestsOnPostgres(PodiumApp<Postgres> app) : AuthenticationTests<Postgres>(app);
