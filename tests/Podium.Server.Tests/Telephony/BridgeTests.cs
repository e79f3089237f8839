using System.Net;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Telephony;

public abstract class BridgeTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private const string Bridges = $"{Prefix}/telephony/bridges/";
    private const string Numbers = $"{Prefix}/telephony/numbers/";

    private async Task<JsonNode> CreateBridgeAsync(TestOrg org, object body) =>
        (await ApiAssert.Envelope(await ClientFor(org, org.Admin).PostJson(Bridges, body), HttpStatusCode.Created, "Bridge created successfully."))["data"]!;

    private async Task<int> CreateProviderAsync(TestOrg org, string sid = "AC1") =>
        (await ApiAssert.Envelope(await ClientFor(org, org.Admin).PostJson($"{Prefix}/telephony/providers-configurations/",
            new { provider = "twilio", account_sid = sid, auth_token = "t" }), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();

    [Fact]
    public async Task Create_WithSlug_AndWithGeneratedSlug()
    {
        var org = await NewOrgAsync();
        var named = await CreateBridgeAsync(org, new { name = "Sales Bridge", slug = "sales-bridge" });
        Assert.Equal("sales-bridge", named["slug"]!.GetValue<string>());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, named["id"]!.GetValueKind());
        Assert.Empty(named["numbers"]!.AsArray());
        Assert.Null(named["provider"]);

        var generated = await CreateBridgeAsync(org, new { name = "Support Bridge", description = "Bridge for customer support", region = "US" });
        Assert.Matches("^support-bridge-[a-z0-9]{8}$", generated["slug"]!.GetValue<string>());
        Assert.Equal("US", generated["region"]!.GetValue<string>());
        Assert.Equal("Bridge for customer support", generated["description"]!.GetValue<string>());
        Assert.Equal("ACTIVE", generated["status"]!.GetValue<string>());

        await ApiAssert.Error(await ClientFor(org, org.Admin).PostJson(Bridges, new { name = "Again", slug = "sales-bridge" }),
            HttpStatusCode.Conflict, "A bridge with this slug already exists.");
        // Slugs are per organization.
        await CreateBridgeAsync(await NewOrgAsync(), new { name = "Sales Bridge", slug = "sales-bridge" });
    }

    [Theory]
    [InlineData("{\"slug\": \"x\"}", "name")]
    [InlineData("{\"name\": \"B\", \"slug\": \"Not A Slug\"}", "slug")]
    [InlineData("{\"name\": \"B\", \"region\": \"usa\"}", "region")]
    [InlineData("{\"name\": \"B\", \"region\": \"ZZ\"}", "region")]
    [InlineData("{\"name\": \"B\", \"agents\": [\"no-such-agent\"]}", "agents[0]")]
    public async Task Create_Invalid_Is400(string body, string field)
    {
        var org = await NewOrgAsync();
        await ApiAssert.Invalid(await ClientFor(org, org.Admin).PostRaw(Bridges, body), field);
    }

    [Fact]
    public async Task Patch_ChangesTheName_NotTheSlug()
    {
        var org = await NewOrgAsync();
        await CreateBridgeAsync(org, new { name = "Sales Bridge", slug = "sales" });
        var admin = ClientFor(org, org.Admin);
        var body = await ApiAssert.Ok(await admin.PatchJson($"{Bridges}sales/", new { name = "Updated Sales Bridge" }), "Bridge updated successfully.");
        Assert.Equal("Updated Sales Bridge", body["data"]!["name"]!.GetValue<string>());
        await ApiAssert.Invalid(await admin.PatchJson($"{Bridges}sales/", new { slug = "other" }), "slug");
        await ApiAssert.Error(await admin.PatchJson($"{Bridges}nope/", new { name = "x" }), HttpStatusCode.NotFound, "Bridge not found");
    }

    [Fact]
    public async Task ConnectAndDisconnect_WithTheDocumentedBodies()
    {
        var org = await NewOrgAsync();
        await CreateBridgeAsync(org, new { name = "Sales", slug = "sales" });
        var provider = await CreateProviderAsync(org);
        var admin = ClientFor(org, org.Admin);

        var connected = await ApiAssert.Ok(await admin.PostJson($"{Bridges}sales/connect-provider/", new { provider_config_id = provider, phone_number = "+1 (415) 555-0100" }),
            "Provider connected to bridge successfully.");
        Assert.Equal("Provider connected successfully", connected["data"]!["message"]!.GetValue<string>());
        Assert.Equal("sales", connected["data"]!["bridge_slug"]!.GetValue<string>());
        Assert.Equal("+14155550100", connected["data"]!["phone_number"]!.GetValue<string>());
        // Connecting again answers the same.
        await ApiAssert.Ok(await admin.PostJson($"{Bridges}sales/connect-provider/", new { provider_config_id = provider, phone_number = "+14155550100" }),
            "Provider connected to bridge successfully.");

        var bridge = (await ApiAssert.Ok(await admin.GetAsync($"{Bridges}sales/"), "Bridge fetched successfully."))["data"]!;
        Assert.Equal("twilio", bridge["provider"]!.GetValue<string>());
        var number = Assert.Single(bridge["numbers"]!.AsArray())!;
        foreach (var field in new[] { "id", "number_id", "number", "state", "active", "channels_count", "status" })
            Assert.True(number.AsObject().ContainsKey(field), field);
        Assert.Equal("ASSIGNED", number["state"]!.GetValue<string>());

        var assignable = await ApiAssert.Ok(await admin.GetAsync(Numbers), "Telephony numbers fetched successfully.");
        Assert.Equal(0, assignable["count"]!.GetValue<int>());

        var disconnected = await ApiAssert.Ok(await admin.PostJson($"{Bridges}sales/disconnect-provider/", new { phone_number = "+14155550100" }),
            "Provider disconnected from bridge successfully.");
        Assert.Equal("Provider disconnected successfully", disconnected["data"]!["message"]!.GetValue<string>());
        await ApiAssert.Invalid(await admin.PostJson($"{Bridges}sales/disconnect-provider/", new { phone_number = "+14155550100" }), "phone_number");

        assignable = await ApiAssert.Ok(await admin.GetAsync(Numbers), "Telephony numbers fetched successfully.");
        var free = Assert.Single(assignable["data"]!.AsArray())!;
        Assert.Equal("+14155550100", free["number"]!.GetValue<string>());
        Assert.True(free["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ConnectAndDisconnect_WithTheBackendsBodies()
    {
        var org = await NewOrgAsync();
        await CreateBridgeAsync(org, new { name = "Sales", slug = "sales" });
        var provider = await CreateProviderAsync(org);
        var admin = ClientFor(org, org.Admin);
        var numberId = (await ApiAssert.Envelope(await admin.PostJson(Numbers, new { number = "+442071838750", provider_config_id = provider }), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();

        var connected = await ApiAssert.Ok(await admin.PostJson($"{Bridges}sales/connect-provider/", new { number_id = numberId, provider_credential_id = provider }),
            "Provider connected to bridge successfully.");
        Assert.Equal(numberId, connected["data"]!["number_id"]!.GetValue<int>());
        await ApiAssert.Ok(await admin.PostJson($"{Bridges}sales/disconnect-provider/", new { number_id = numberId }), "Provider disconnected from bridge successfully.");
    }

    [Fact]
    public async Task Connect_RefusesAnotherBridgesNumber_AndAnotherProvidersNumber()
    {
        var org = await NewOrgAsync();
        await CreateBridgeAsync(org, new { name = "A", slug = "a" });
        await CreateBridgeAsync(org, new { name = "B", slug = "b" });
        var first = await CreateProviderAsync(org, "AC1");
        var second = await CreateProviderAsync(org, "AC2");
        var admin = ClientFor(org, org.Admin);
        await ApiAssert.Ok(await admin.PostJson($"{Bridges}a/connect-provider/", new { provider_config_id = first, phone_number = "+14155550100" }), "Provider connected to bridge successfully.");

        await ApiAssert.Error(await admin.PostJson($"{Bridges}b/connect-provider/", new { provider_config_id = first, phone_number = "+14155550100" }),
            HttpStatusCode.Conflict, "The number is already connected to another bridge. Disconnect it there first.");
        await ApiAssert.Invalid(await admin.PostJson($"{Bridges}b/connect-provider/", new { provider_config_id = second, phone_number = "+14155550100" }), "phone_number");
        await ApiAssert.Invalid(await admin.PostJson($"{Bridges}b/connect-provider/", new { provider_config_id = 999999, phone_number = "+14155550101" }), "provider_config_id");
        await ApiAssert.Invalid(await admin.PostJson($"{Bridges}b/connect-provider/", new { provider_config_id = first, phone_number = "12" }), "phone_number");
        await ApiAssert.Invalid(await admin.PostJson($"{Bridges}b/connect-provider/", new { }), "phone_number");
        await ApiAssert.Error(await admin.PostJson($"{Bridges}zzz/connect-provider/", new { provider_config_id = first, phone_number = "+14155550101" }),
            HttpStatusCode.NotFound, "Bridge not found");
    }

    [Fact]
    public async Task Delete_WithNumbers_Is409UnlessForced_AndFreesTheNumbers()
    {
        var org = await NewOrgAsync();
        await CreateBridgeAsync(org, new { name = "Sales", slug = "sales" });
        var provider = await CreateProviderAsync(org);
        var admin = ClientFor(org, org.Admin);
        await ApiAssert.Ok(await admin.PostJson($"{Bridges}sales/connect-provider/", new { provider_config_id = provider, phone_number = "+14155550100" }), "Provider connected to bridge successfully.");

        var refused = await ApiAssert.Envelope(await admin.DeleteAsync($"{Bridges}sales/"), HttpStatusCode.Conflict);
        Assert.Contains("?force=true", refused["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var deleted = await admin.DeleteAsync($"{Bridges}sales/?force=true");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ApiAssert.Error(await admin.GetAsync($"{Bridges}sales/"), HttpStatusCode.NotFound, "Bridge not found");
        await ApiAssert.Error(await admin.DeleteAsync($"{Bridges}sales/"), HttpStatusCode.NotFound, "Bridge not found");
        var free = await ApiAssert.Ok(await admin.GetAsync(Numbers), "Telephony numbers fetched successfully.");
        Assert.Equal(1, free["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bridge_NamesItsAgents()
    {
        var org = await NewOrgAsync();
        var admin = ClientFor(org, org.Admin);
        var agent = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "Caller", state = "published" }), HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();
        var bridge = await CreateBridgeAsync(org, new { name = "Sales", slug = "sales", agents = new[] { agent } });
        Assert.Equal([agent], bridge["agents"]!.AsArray().Select(a => a!.GetValue<string>()));
        var cleared = await ApiAssert.Ok(await admin.PatchJson($"{Bridges}sales/", new { agents = Array.Empty<string>() }), "Bridge updated successfully.");
        Assert.Empty(cleared["data"]!["agents"]!.AsArray());
    }

    [Fact]
    public async Task Numbers_CreateValidateAndDelete()
    {
        var org = await NewOrgAsync();
        var provider = await CreateProviderAsync(org);
        var admin = ClientFor(org, org.Admin);
        var created = (await ApiAssert.Envelope(await admin.PostJson(Numbers, new { number = "4155550199", provider_config_id = provider }), HttpStatusCode.Created, "Telephony number created successfully."))["data"]!;
        Assert.Equal("+14155550199", created["number"]!.GetValue<string>());
        await ApiAssert.Error(await admin.PostJson(Numbers, new { number = "+14155550199", provider_config_id = provider }), HttpStatusCode.Conflict, "This number is already in the organization's inventory.");
        await ApiAssert.Invalid(await admin.PostJson(Numbers, new { number = "abc", provider_config_id = provider }), "number");
        await ApiAssert.Invalid(await admin.PostJson(Numbers, new { number = "+14155550198", provider_config_id = 424242 }), "provider_config_id");
        await ApiAssert.Invalid(await admin.GetAsync($"{Numbers}?state=weird"), "state");
        await ApiAssert.Error(await ClientFor(org, org.Member).PostJson(Numbers, new { number = "+14155550197", provider_config_id = provider }),
            HttpStatusCode.Forbidden, "You do not have permission to perform this action.");

        var other = await NewOrgAsync();
        var id = created["id"]!.GetValue<int>();
        await ApiAssert.Error(await ClientFor(other, other.Admin).DeleteAsync($"{Numbers}{id}/"), HttpStatusCode.NotFound, "Telephony number not found");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Numbers}{id}/")).StatusCode);
    }

    [Fact]
    public async Task AnotherOrgsBridge_Is404Everywhere()
    {
        var org = await NewOrgAsync();
        await CreateBridgeAsync(org, new { name = "Sales", slug = "sales" });
        var other = await NewOrgAsync();
        var client = ClientFor(other, other.Admin);
        await ApiAssert.Error(await client.GetAsync($"{Bridges}sales/"), HttpStatusCode.NotFound, "Bridge not found");
        await ApiAssert.Error(await client.PatchJson($"{Bridges}sales/", new { name = "x" }), HttpStatusCode.NotFound, "Bridge not found");
        await ApiAssert.Error(await client.DeleteAsync($"{Bridges}sales/"), HttpStatusCode.NotFound, "Bridge not found");
        await ApiAssert.Error(await client.PostJson($"{Bridges}sales/disconnect-provider/", new { phone_number = "+14155550100" }), HttpStatusCode.NotFound, "Bridge not found");
        var list = await ApiAssert.Ok(await client.GetAsync(Bridges), "Bridges fetched successfully.");
        Assert.Equal(0, list["count"]!.GetValue<int>());
    }
}

public sealed class BridgeTestsOnSqlite(PodiumApp<Sqlite> app) : BridgeTests<Sqlite>(app);

public sealed class BridgeTestsOnPostgres(PodiumApp<Postgres> app) : BridgeTests<Postgres>(app);
