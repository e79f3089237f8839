using System.Net;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Telephony;

/// <summary>Every field of every new body, set to every kind of JSON value: a 4xx, never a 500.</summary>
public abstract class TelephonyFuzzTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    [Fact]
    public async Task TelephonyBodies_NeverA500()
    {
        var org = await NewOrgAsync();
        var admin = ClientFor(org, org.Admin);
        var provider = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/providers-configurations/",
            new { provider = "twilio", account_sid = "ACfuzz", auth_token = "t" }), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
        await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/bridges/", new { name = "Fuzz", slug = "fuzz" }), HttpStatusCode.Created);

        await JsonFuzz.NeverA500Async(admin, $"{Prefix}/telephony/providers-configurations/",
            """{"name": "n", "provider": "twilio", "account_sid": "AC1", "auth_token": "t", "api_key": "k", "api_secret": "s", "base_url": "https://x.test", "sip_url": "sip:x.test", "meta_json": [{"meta_key": "k", "meta_value": "v"}], "active": true}""");
        await JsonFuzz.NeverA500Async(admin, $"{Prefix}/telephony/providers-configurations/{provider}/",
            """{"name": "n2", "provider": "twilio", "account_sid": "AC2", "auth_token": "t", "api_key": "k", "meta_json": [{"meta_key": "k", "meta_value": "v"}], "active": true}""", "PATCH");
        await JsonFuzz.NeverA500Async(admin, $"{Prefix}/telephony/numbers/", $$"""{"number": "+14155550100", "provider_config_id": {{provider}}, "active": true, "channels_count": 2}""");
        await JsonFuzz.NeverA500Async(admin, $"{Prefix}/telephony/bridges/", """{"name": "B", "slug": "b", "description": "d", "region": "US", "agents": []}""");
        await JsonFuzz.NeverA500Async(admin, $"{Prefix}/telephony/bridges/fuzz/", """{"name": "B", "description": "d", "region": "US", "agents": []}""", "PATCH");
        await JsonFuzz.NeverA500Async(admin, $"{Prefix}/telephony/bridges/fuzz/connect-provider/",
            $$"""{"provider_config_id": {{provider}}, "phone_number": "+14155550101", "number_id": 1, "provider_credential_id": {{provider}}}""");
        await JsonFuzz.NeverA500Async(admin, $"{Prefix}/telephony/bridges/fuzz/disconnect-provider/", """{"phone_number": "+14155550101", "number_id": 1}""");
    }

    [Fact]
    public async Task CreateTaskFilters_NeverA500()
    {
        var org = await NewOrgAsync();
        var admin = ClientFor(org, org.Admin);
        var space = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", new { name = "S", content_type = "contact" }), HttpStatusCode.Created))["data"]!["token"]!.GetValue<string>();
        var agent = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "A", state = "published" }), HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();
        await JsonFuzz.NeverA500Async(admin, $"{Prefix}/spaces/{space}/tasks/create/", $$$"""{"pilot": "{{{agent}}}", "filters": {"labels": ["a"], "q": "x"}}""");
    }
}

public sealed class TelephonyFuzzTestsOnSqlite(PodiumApp<Sqlite> app) : TelephonyFuzzTests<Sqlite>(app);

public sealed class TelephonyFuzzTestsOnPostgres(PodiumApp<Postgres> app) : TelephonyFuzzTests<Postgres>(app);
