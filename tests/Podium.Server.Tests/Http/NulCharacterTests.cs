using System.Net;
using System.Text;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Http;

/// <summary>
/// NUL characters anywhere a client can put text (typed fields, documents, filters, metadata, query
/// strings) are a 400 naming the field. PostgreSQL cannot store them: before this they were a 500 there.
/// </summary>
public abstract class NulCharacterTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task NulCharacters_AreRefusedWithA400_Everywhere()
    {
        var org = await NewOrgAsync();
        var admin = ClientFor(org, org.Admin);
        var space = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", new { name = "Calls", content_type = "contact" }), HttpStatusCode.Created))["data"]!["token"]!.GetValue<string>();
        await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "Caller", handle = "nul-caller", state = "published" }), HttpStatusCode.Created);

        var cases = new (string What, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("space name", () => admin.PostAsync($"{Prefix}/spaces/", Json("""{"name": "a\u0000b"}"""))),
            ("agent name", () => admin.PostAsync($"{Prefix}/agents/", Json("""{"name": "x\u0000"}"""))),
            ("document value", () => admin.PostAsync($"{Prefix}/spaces/{space}/tasks/create/", Json("""{"pilot": "nul-caller", "documents": [{"name": "x\u0000y", "contact_number": "+14155550100"}]}"""))),
            ("document key", () => admin.PostAsync($"{Prefix}/spaces/{space}/tasks/create/", Json("""{"pilot": "nul-caller", "documents": [{"name": "x", "contact_number": "+14155550100", "no\u0000te": 1}]}"""))),
            ("filters", () => admin.PostAsync($"{Prefix}/spaces/{space}/tasks/create/", Json("""{"pilot": "nul-caller", "filters": {"q": "a\u0000"}}"""))),
            ("import", () => admin.PostAsync($"{Prefix}/spaces/{space}/documents/?atomic=true", Json("""[{"name": "a\u0000", "contact_number": "+14155550100"}]"""))),
            ("csv import", () => admin.PostAsync($"{Prefix}/spaces/{space}/documents/?atomic=true", new StringContent("name,contact_number\na\u0000b,+14155550100\n", Encoding.UTF8, "text/csv"))),
            ("provider metadata", () => admin.PostAsync($"{Prefix}/telephony/providers-configurations/", Json("""{"provider": "twilio", "name": "p", "account_sid": "AC1", "auth_token": "t", "meta_json": [{"meta_key": "k", "meta_value": "v\u0000"}]}"""))),
            ("query string", () => admin.GetAsync($"{Prefix}/spaces/{space}/documents/?q=%00")),
        };
        foreach (var (what, send) in cases)
        {
            var response = await send();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(body.Contains("NUL", StringComparison.Ordinal), $"{what}: {body}");
        }
    }
}

public sealed class NulCharacterTestsOnSqlite(PodiumApp<Sqlite> app) : NulCharacterTests<Sqlite>(app);

public sealed class NulCharacterTestsOnPostgres(PodiumApp<Postgres> app) : NulCharacterTests<Postgres>(app);
