using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Collections;

public abstract class CollectionTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private async Task<(TestOrg Org, string Space, string Agent)> SetUpAsync()
    {
        var org = await NewOrgAsync();
        var admin = ClientFor(org, org.Admin);
        var space = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", new { name = "Leads", content_type = "contact" }), HttpStatusCode.Created))["data"]!["token"]!.GetValue<string>();
        var agent = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "Caller", state = "published" }), HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();
        return (org, space, agent);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<JsonNode> ImportAsync(HttpClient client, string space, HttpContent content, string query = "") =>
        (await ApiAssert.Ok(await client.PostAsync($"{Prefix}/spaces/{space}/documents/{query}", content), "Documents imported successfully"))["data"]!;

    private static async Task<JsonNode> ListAsync(HttpClient client, string space, string query = "") =>
        await ApiAssert.Ok(await client.GetAsync($"{Prefix}/spaces/{space}/documents/{query}"), "Documents fetched successfully");

    [Fact]
    public async Task CsvImport_KeepsValidRows_AndReportsBadOnesByLine()
    {
        var (org, space, _) = await SetUpAsync();
        var csv = "Full Name,Phone Number,Email,Tags,City\n" +
                  "Ada Lovelace,+14155550100,ada@example.com,warm-lead;vip,London\n" +
                  "No Phone,,np@example.com,,Paris\n" +
                  "Bad Phone,12,bp@example.com,,Rome\n" +
                  "\"Grace, Hopper\",(415) 555-0101,grace@example.com,warm-lead,\"New York\"\n" +
                  "Short Row,+14155550102\n";
        var result = await ImportAsync(ClientFor(org, org.Member), space, Csv(csv));

        Assert.Equal($"collection_data_{space}", result["collection_ref"]!.GetValue<string>());
        Assert.Equal(5, result["received"]!.GetValue<int>());
        Assert.Equal(2, result["created"]!.GetValue<int>());
        Assert.Equal(3, result["rejected"]!.GetValue<int>());
        var errors = result["errors"]!.AsObject();
        Assert.Equal(["rows[3].contact_number", "rows[4].contact_number", "rows[6]"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("This field is required.", errors["rows[3].contact_number"]![0]!.GetValue<string>());
        Assert.Equal("Not a valid phone number.", errors["rows[4].contact_number"]![0]!.GetValue<string>());

        var list = await ListAsync(ClientFor(org, org.Viewer), space);
        Assert.Equal(2, list["count"]!.GetValue<int>());
        var grace = list["data"]![0]!;
        Assert.Equal("Grace, Hopper", grace["name"]!.GetValue<string>());
        Assert.Equal("+14155550101", grace["contact_number"]!.GetValue<string>());
        Assert.Equal("New York", grace["data"]!["city"]!.GetValue<string>());
        Assert.Equal(["warm-lead"], grace["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public async Task AtomicImport_WithABadRow_KeepsNothing()
    {
        var (org, space, _) = await SetUpAsync();
        var member = ClientFor(org, org.Member);
        var response = await member.PostAsync($"{Prefix}/spaces/{space}/documents/?atomic=true", Csv("name,phone\nA,+14155550100\nB,nope\nC,+14155550102\n"));
        var body = await ApiAssert.Invalid(response, "rows[3].contact_number");
        Assert.Single(body["errors"]!.AsObject());
        Assert.Equal(0, (await ListAsync(member, space))["count"]!.GetValue<int>());

        var ok = await ImportAsync(member, space, Csv("name,phone\nA,+14155550100\nC,+14155550102\n"), "?atomic=true");
        Assert.Equal(2, ok["created"]!.GetValue<int>());
    }

    [Fact]
    public async Task Import_DeduplicatesByDocumentIdThenByPhone()
    {
        var (org, space, _) = await SetUpAsync();
        var member = ClientFor(org, org.Member);
        var first = await ImportAsync(member, space, JsonContent.Create(new object[]
        {
            new { document_id = "lead-1", name = "Ada", contact_number = "+14155550100", labels = new[] { "cold" } },
            new { name = "Bob", contact_number = "+14155550101" },
        }));
        Assert.Equal(2, first["created"]!.GetValue<int>());

        var second = await ImportAsync(member, space, JsonContent.Create(new object[]
        {
            new { document_id = "lead-1", name = "Ada L.", contact_number = "+14155550100", labels = new[] { "warm-lead" } },
            new { name = "Bob B.", contact_number = "4155550101" },
            new { name = "Cy", contact_number = "+14155550100" },
        }));
        Assert.Equal(0, second["created"]!.GetValue<int>());
        Assert.Equal(3, second["updated"]!.GetValue<int>());

        var list = await ListAsync(member, space);
        Assert.Equal(2, list["count"]!.GetValue<int>());
        var ada = (await ApiAssert.Ok(await member.GetAsync($"{Prefix}/spaces/{space}/documents/lead-1/"), "Document fetched successfully"))["data"]!;
        // The last write wins; without a labels key it keeps the labels the document had.
        Assert.Equal("Cy", ada["name"]!.GetValue<string>());
        Assert.Equal(["warm-lead"], ada["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(["warm-lead"], ada["data"]!["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public async Task Import_PartlyBadJson_KeepsTheGoodDocuments()
    {
        var (org, space, _) = await SetUpAsync();
        var result = await ImportAsync(ClientFor(org, org.Member), space,
            new StringContent("[{\"name\": \"x\", \"contact_number\": \"+14155550100\"}, 3]", Encoding.UTF8, "application/json"));
        Assert.Equal(1, result["created"]!.GetValue<int>());
        Assert.Equal("Must be an object.", result["errors"]!["documents[1]"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task MultipartCsvUpload_Imports()
    {
        var (org, space, _) = await SetUpAsync();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("name;mobile;label\nAda;+14155550100;a|b\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "contacts.csv");
        var result = await ImportAsync(ClientFor(org, org.Member), space, form);
        Assert.Equal(1, result["created"]!.GetValue<int>());
        var doc = (await ListAsync(ClientFor(org, org.Member), space))["data"]![0]!;
        Assert.Equal(["a", "b"], doc["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Theory]
    [InlineData("text/csv", "", "file")]
    [InlineData("text/csv", "name,city\nAda,London\n", "file")]
    [InlineData("application/json", "{\"name\": \"x\"}", "body")]
    [InlineData("application/json", "[3]", "documents[0]")]
    [InlineData("application/json", "[]", "body")]
    [InlineData("application/json", "[{\"name\": \"x\", \"contact_number\": \"+14155550100\", \"labels\": 5}]", "documents[0].labels")]
    public async Task Import_Malformed_Is400(string contentType, string body, string field)
    {
        var (org, space, _) = await SetUpAsync();
        var response = await ClientFor(org, org.Member).PostAsync($"{Prefix}/spaces/{space}/documents/", new StringContent(body, Encoding.UTF8, contentType));
        await ApiAssert.Invalid(response, field);
    }

    [Fact]
    public async Task List_FiltersByLabelsAndText_AndDeleteRemoves()
    {
        var (org, space, _) = await SetUpAsync();
        var member = ClientFor(org, org.Member);
        await ImportAsync(member, space, Csv("name,phone,tags,email\nAda,+14155550100,warm-lead,ada@x.test\nBob,+14155550101,cold,bob@x.test\nCy,+14155550102,vip,cy@x.test\n"));

        Assert.Equal(2, (await ListAsync(member, space, "?labels=warm-lead,vip"))["count"]!.GetValue<int>());
        var bob = await ListAsync(member, space, "?q=BOB@x");
        Assert.Equal("Bob", Assert.Single(bob["data"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Equal(1, (await ListAsync(member, space, "?q=5550102"))["count"]!.GetValue<int>());

        var id = bob["data"]![0]!["document_id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await member.DeleteAsync($"{Prefix}/spaces/{space}/documents/{id}/")).StatusCode);
        await ApiAssert.Error(await member.DeleteAsync($"{Prefix}/spaces/{space}/documents/{id}/"), HttpStatusCode.NotFound, "Document not found");
        Assert.Equal(2, (await ListAsync(member, space))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Collection_IsTheSpacesOwn_AndRoleChecked()
    {
        var (org, space, _) = await SetUpAsync();
        await ImportAsync(ClientFor(org, org.Member), space, Csv("name,phone\nAda,+14155550100\n"));
        var viewer = ClientFor(org, org.Viewer);
        await ApiAssert.Error(await viewer.PostAsync($"{Prefix}/spaces/{space}/documents/", Csv("name,phone\nB,+14155550101\n")),
            HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
        var id = (await ListAsync(viewer, space))["data"]![0]!["document_id"]!.GetValue<string>();
        await ApiAssert.Error(await viewer.DeleteAsync($"{Prefix}/spaces/{space}/documents/{id}/"), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");

        var other = await NewOrgAsync();
        var outsider = ClientFor(other, other.Admin);
        await ApiAssert.Error(await outsider.GetAsync($"{Prefix}/spaces/{space}/documents/"), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await outsider.GetAsync($"{Prefix}/spaces/{space}/documents/{id}/"), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await outsider.PostAsync($"{Prefix}/spaces/{space}/documents/", Csv("name,phone\nB,+14155550101\n")), HttpStatusCode.NotFound, "Space not found");
        await ApiAssert.Error(await outsider.DeleteAsync($"{Prefix}/spaces/{space}/documents/{id}/"), HttpStatusCode.NotFound, "Space not found");
    }

    [Fact]
    public async Task InlineDocuments_AreStoredInTheCollection_AndTasksPointAtThem()
    {
        var (org, space, agent) = await SetUpAsync();
        var member = ClientFor(org, org.Member);
        await ImportAsync(member, space, JsonContent.Create(new object[] { new { document_id = "crm-7", name = "Ada", contact_number = "+14155550100" } }));
        var created = await ApiAssert.Ok(await member.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new
        {
            pilot = agent,
            documents = new object[] { new { name = "Ada Again", contact_number = "+14155550100", document_id = "crm-7" }, new { name = "New", contact_number = "+14155550199" } },
        }), "Task Created Successfully");
        var runId = created["data"]!["run_id"]!.GetValue<string>();

        var list = await ListAsync(member, space);
        Assert.Equal(2, list["count"]!.GetValue<int>());
        var tasks = (await ApiAssert.Ok(await member.GetAsync($"{Prefix}/spaces/{space}/runs/{runId}/tasks/"), "Tasks Fetched Successfully"))["data"]!.AsArray();
        var ids = list["data"]!.AsArray().Select(d => d!["document_id"]!.GetValue<string>()).ToHashSet();
        Assert.All(tasks, t => Assert.Contains(t!["_id"]!.GetValue<string>(), ids));
        Assert.Contains("crm-7", tasks.Select(t => t!["_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Filters_MakeOneTaskPerMatchingDocument()
    {
        var (org, space, agent) = await SetUpAsync();
        var member = ClientFor(org, org.Member);
        var csv = new StringBuilder("name,phone,tags\n");
        for (var i = 0; i < 30; i++) csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"P{i},+1415555{i:0000},{(i % 3 == 0 ? "warm-lead" : "cold")}\n");
        await ImportAsync(member, space, Csv(csv.ToString()));

        var created = await ApiAssert.Ok(await member.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new { pilot = agent, filters = new { labels = new[] { "warm-lead" } } }),
            "Task Created Successfully");
        Assert.Equal(10, created["data"]!["task_ids"]!.AsArray().Count);
        var runId = created["data"]!["run_id"]!.GetValue<string>();
        var run = (await ApiAssert.Ok(await member.GetAsync($"{Prefix}/spaces/{space}/runs/{runId}/"), "Run fetched successfully"))["data"]!;
        Assert.Equal(10, run["total_tasks"]!.GetValue<int>());
        Assert.Equal($"collection_data_{space}", run["collection_ref"]!.GetValue<string>());

        await ApiAssert.Invalid(await member.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new { pilot = agent, filters = new { labels = new[] { "nobody" } } }), "filters");
        await ApiAssert.Invalid(await member.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new { pilot = agent, filters = new { label = "warm-lead" } }), "filters.label");
        await ApiAssert.Invalid(await member.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new { pilot = agent, filters = new { } }), "filters");
        await ApiAssert.Invalid(await member.PostJson($"{Prefix}/spaces/{space}/tasks/create/",
            new { pilot = agent, filters = new { q = "P1" }, documents = new[] { new { name = "x", contact_number = "+14155550100" } } }), "documents");
    }

    [Fact]
    public async Task FiftyThousandRowCsv_WithOnePercentBad_ImportsExactly_AndFiltersMakeTheRun()
    {
        var (org, space, agent) = await SetUpAsync();
        var member = ClientFor(org, org.Member);
        member.Timeout = TimeSpan.FromMinutes(5);
        var csv = new StringBuilder("name,phone,tags\n");
        var bad = new List<int>();
        var warm = 0;
        for (var i = 0; i < 50_000; i++)
        {
            var invalid = i % 100 == 42;
            if (invalid) bad.Add(i + 2);
            else if (i % 4 == 0) warm++;
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Person {i},{(invalid ? "555-CALL-ME-NOT" : $"+1{2000000000L + i * 7}")},{(i % 4 == 0 ? "warm-lead" : "cold")}\n");
        }

        var result = await ImportAsync(member, space, Csv(csv.ToString()));
        Assert.Equal(50_000, result["received"]!.GetValue<int>());
        Assert.Equal(500, result["rejected"]!.GetValue<int>());
        Assert.Equal(49_500, result["created"]!.GetValue<int>());
        Assert.Equal(bad.Select(r => $"rows[{r}].contact_number").Order(StringComparer.Ordinal),
            result["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));

        var created = await ApiAssert.Ok(await member.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new { pilot = agent, filters = new { labels = new[] { "warm-lead" } } }),
            "Task Created Successfully");
        Assert.Equal(warm, created["data"]!["task_ids"]!.AsArray().Count);
        var tasks = await ApiAssert.Ok(await member.GetAsync($"{Prefix}/spaces/{space}/tasks/?run_id={created["data"]!["run_id"]!.GetValue<string>()}&page_size=1"), "Tasks Fetched Successfully");
        Assert.Equal(warm, tasks["count"]!.GetValue<int>());
    }
}

public sealed class CollectionTestsOnSqlite(PodiumApp<Sqlite> app) : CollectionTests<Sqlite>(app);

public sealed class CollectionTestsOnPostgres(PodiumApp<Postgres> app) : CollectionTests<Postgres>(app);
