using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Telephony;

public abstract class ProviderTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private const string Path = $"{Prefix}/telephony/providers-configurations/";

    private async Task<JsonNode> CreateAsync(TestOrg org, object body) =>
        (await ApiAssert.Envelope(await ClientFor(org, org.Admin).PostJson(Path, body), HttpStatusCode.Created, "Provider configuration created successfully."))["data"]!;

    [Fact]
    public async Task Create_NewDocsShape_Returns201WithoutTheToken()
    {
        var org = await NewOrgAsync();
        var data = await CreateAsync(org, new { provider = "twilio", account_sid = "AC0001", auth_token = "tok-new-shape" });

        Assert.Equal("twilio", data["provider"]!.GetValue<string>());
        Assert.Equal("AC0001", data["account_sid"]!.GetValue<string>());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, data["id"]!.GetValueKind());
        Assert.Equal("Twilio", data["provider_details"]!["name"]!.GetValue<string>());
        Assert.Equal(["auth_token"], data["secrets_set"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.DoesNotContain("tok-new-shape", data.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(data["auth_token"]);
    }

    [Fact]
    public async Task Create_OldDocsShape_WithIntegerProviderAndMeta()
    {
        var org = await NewOrgAsync();
        var data = await CreateAsync(org, new
        {
            name = "Twilio Suport",
            provider = 3,
            api_key = "sk_xxx-old",
            api_secret = "secret_xxx-old",
            sip_url = "sip:trunk.example.com",
            base_url = "https://api.example.com",
            meta_json = new[] { new { meta_key = "key", meta_value = "v" } },
        });
        Assert.Equal("vonage", data["provider"]!.GetValue<string>());
        Assert.Equal(3, data["provider_id"]!.GetValue<int>());
        Assert.Equal("Twilio Suport", data["name"]!.GetValue<string>());
        Assert.Equal("key", data["meta_json"]![0]!["meta_key"]!.GetValue<string>());
        Assert.True(data["active"]!.GetValue<bool>());
        Assert.Null(data["api_key"]);
        Assert.Null(data["api_secret"]);
        Assert.Equal(["api_key", "api_secret"], data["secrets_set"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Theory]
    [InlineData("{\"provider\": \"nope\", \"auth_token\": \"x\", \"account_sid\": \"a\"}", "provider")]
    [InlineData("{\"auth_token\": \"x\", \"account_sid\": \"a\"}", "provider")]
    [InlineData("{\"provider\": \"twilio\"}", "auth_token")]
    [InlineData("{\"provider\": \"twilio\", \"auth_token\": \"x\"}", "account_sid")]
    [InlineData("{\"provider\": \"sip\"}", "sip_url")]
    [InlineData("{\"provider\": \"sip\", \"sip_url\": \"http://x\"}", "sip_url")]
    [InlineData("{\"provider\": \"livekit\", \"api_key\": \"k\", \"api_secret\": \"s\"}", "base_url")]
    [InlineData("{\"provider\": \"livekit\", \"api_key\": \"k\", \"api_secret\": \"short\", \"base_url\": \"https://lk.example.test\"}", "api_secret")]
    [InlineData("{\"provider\": 99, \"api_key\": \"k\"}", "provider")]
    [InlineData("{\"provider\": \"twilio\", \"api_key\": \"k\", \"meta_json\": [{\"meta_value\": 1}]}", "meta_json[0]")]
    public async Task Create_Invalid_Is400WithTheField(string body, string field)
    {
        var org = await NewOrgAsync();
        await ApiAssert.Invalid(await ClientFor(org, org.Admin).PostRaw(Path, body), field);
    }

    [Fact]
    public async Task Create_SameAccountOrName_Is409()
    {
        var org = await NewOrgAsync();
        await CreateAsync(org, new { provider = "twilio", account_sid = "AC1", auth_token = "t" });
        var admin = ClientFor(org, org.Admin);
        await ApiAssert.Error(await admin.PostJson(Path, new { provider = "twilio", account_sid = "AC1", auth_token = "other", name = "Another" }),
            HttpStatusCode.Conflict, "This provider account is already configured in the organization.");
        await ApiAssert.Error(await admin.PostJson(Path, new { provider = "plivo", account_sid = "MA1", auth_token = "t", name = "Twilio AC1" }),
            HttpStatusCode.Conflict, "A provider configuration with this name already exists.");
        // Another organization may configure the same account.
        var other = await NewOrgAsync();
        await CreateAsync(other, new { provider = "twilio", account_sid = "AC1", auth_token = "t" });
    }

    [Fact]
    public async Task Patch_RotatesTheTokenInPlace_AndRefusesAProviderChange()
    {
        var org = await NewOrgAsync();
        var id = (await CreateAsync(org, new { provider = "twilio", account_sid = "AC9", auth_token = "old-token" }))["id"]!.GetValue<int>();
        var admin = ClientFor(org, org.Admin);

        var patched = await ApiAssert.Ok(await admin.PatchJson($"{Path}{id}/", new { auth_token = "new-token", active = false }), "Provider configuration updated successfully.");
        Assert.False(patched["data"]!["active"]!.GetValue<bool>());
        Assert.Equal("AC9", patched["data"]!["account_sid"]!.GetValue<string>());
        await ApiAssert.Invalid(await admin.PatchJson($"{Path}{id}/", new { provider = "plivo" }), "provider");

        await using var scope = App.Scope(out var db, org.Id);
        var stored = await db.ProviderConfigurations.SingleAsync(c => c.Id == id);
        var secrets = App.Services.GetRequiredService<Podium.Server.Storage.ProviderSecrets>().Unprotect(stored.ProtectedSecrets);
        Assert.Equal("new-token", secrets["auth_token"]);
        Assert.DoesNotContain("new-token", stored.ProtectedSecrets, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAndList_ShowBothShapes_AndOnlyThisOrg()
    {
        var org = await NewOrgAsync();
        var id = (await CreateAsync(org, new { provider = "plivo", account_sid = "MA7", auth_token = "t" }))["id"]!.GetValue<int>();
        var other = await NewOrgAsync();
        await CreateAsync(other, new { provider = "plivo", account_sid = "MA8", auth_token = "t" });

        var list = await ApiAssert.Ok(await ClientFor(org, org.Viewer).GetAsync(Path), "Provider configurations fetched successfully.");
        Assert.Equal(1, list["count"]!.GetValue<int>());
        var one = await ApiAssert.Ok(await ClientFor(org, org.Viewer).GetAsync($"{Path}{id}/"), "Provider configuration fetched successfully.");
        Assert.Equal(org.Handle, one["data"]!["org_handle"]!.GetValue<string>());
        foreach (var field in new[] { "id", "provider", "account_sid", "created_at", "name", "provider_details", "meta_json", "active", "base_url", "sip_url" })
            Assert.True(one["data"]!.AsObject().ContainsKey(field), field);

        await ApiAssert.Error(await ClientFor(other, other.Admin).GetAsync($"{Path}{id}/"), HttpStatusCode.NotFound, "Provider configuration not found");
        await ApiAssert.Error(await ClientFor(other, other.Admin).PatchJson($"{Path}{id}/", new { name = "x" }), HttpStatusCode.NotFound, "Provider configuration not found");
        await ApiAssert.Error(await ClientFor(other, other.Admin).DeleteAsync($"{Path}{id}/"), HttpStatusCode.NotFound, "Provider configuration not found");
    }

    [Fact]
    public async Task Writes_NeedAnAdmin()
    {
        var org = await NewOrgAsync();
        var id = (await CreateAsync(org, new { provider = "telnyx", api_key = "k" }))["id"]!.GetValue<int>();
        foreach (var user in new[] { org.Member, org.Viewer })
        {
            var client = ClientFor(org, user);
            await ApiAssert.Error(await client.PostJson(Path, new { provider = "telnyx", api_key = "k2" }), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
            await ApiAssert.Error(await client.PatchJson($"{Path}{id}/", new { name = "x" }), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
            await ApiAssert.Error(await client.DeleteAsync($"{Path}{id}/"), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
        }
    }

    [Fact]
    public async Task Delete_WithNumbers_Is409UnlessForced()
    {
        var org = await NewOrgAsync();
        var id = (await CreateAsync(org, new { provider = "twilio", account_sid = "AC5", auth_token = "t" }))["id"]!.GetValue<int>();
        var admin = ClientFor(org, org.Admin);
        await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/numbers/", new { number = "+14155550123", provider_config_id = id }), HttpStatusCode.Created, "Telephony number created successfully.");

        await ApiAssert.Envelope(await admin.DeleteAsync($"{Path}{id}/"), HttpStatusCode.Conflict);
        var deleted = await admin.DeleteAsync($"{Path}{id}/?force=true");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await deleted.Content.ReadAsByteArrayAsync());
        await ApiAssert.Error(await admin.GetAsync($"{Path}{id}/"), HttpStatusCode.NotFound, "Provider configuration not found");
        var numbers = await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/telephony/numbers/?state=all"), "Telephony numbers fetched successfully.");
        Assert.Equal(0, numbers["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Catalogue_ListsTheKnownProviders()
    {
        var org = await NewOrgAsync();
        var body = await ApiAssert.Ok(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/telephony/providers/"), "Telephony providers fetched successfully.");
        Assert.Equal(["twilio", "plivo", "vonage", "telnyx", "vapi", "livekit", "daily", "sip", "retell", "elevenlabs"], body["data"]!.AsArray().Select(p => p!["slug"]!.GetValue<string>()));
    }

}

public sealed class ProviderTestsOnSqlite(PodiumApp<Sqlite> app) : ProviderTests<Sqlite>(app);

public sealed class ProviderTestsOnPostgres(PodiumApp<Postgres> app) : ProviderTests<Postgres>(app);
