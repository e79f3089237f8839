using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Http;

/// <summary>Documents each over one of the limits, with the field the 400 names.</summary>
public static class SizeLimitCases
{
    public static TheoryData<string, string> OversizedDocuments => new()
    {
        { "{\"name\": \"Ada\", \"contact_number\": \"+14155550100\", \"notes\": \"" + new string('n', 70_000) + "\"}", "documents[0]" },
        { "{\"name\": \"Ada\", \"contact_number\": \"+14155550100\", \"notes\": \"" + new string('é', 12_000) + "\"}", "documents[0]" },
        { "{\"name\": \"Ada\", \"contact_number\": \"+14155550100\", " + string.Join(", ", Enumerable.Range(0, 200).Select(i => $"\"f{i}\": 1")) + "}", "documents[0]" },
        { "{\"name\": \"Ada\", \"contact_number\": \"+14155550100\", \"" + new string('k', 101) + "\": 1}", "documents[0]" },
        { "{\"name\": \"" + new string('a', 501) + "\", \"contact_number\": \"+14155550100\"}", "documents[0].name" },
        { "{\"name\": \"Ada\", \"contact_number\": \"+14155550100\", \"email\": \"" + new string('e', 321) + "\"}", "documents[0].email" },
        { "{\"name\": \"Ada\", \"contact_number\": \"" + new string('1', 33) + "\"}", "documents[0].contact_number" },
    };
}

/// <summary>Sizes the schema has, for documents, lists and JSON kept as sent: each a 400 naming the field, on both databases.</summary>
public abstract class SizeLimitTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    [Theory]
    [MemberData(nameof(SizeLimitCases.OversizedDocuments), MemberType = typeof(SizeLimitCases))]
    public async Task ADocumentLargerThanTheSchemaKeeps_IsA400NamingIt(string document, string field)
    {
        var (org, space, agent) = await SetUpAsync();
        var member = org.Client(App, org.Member);
        await ApiAssert.Invalid(await member.PostRaw($"{Prefix}/spaces/{space}/tasks/create/", $"{{\"pilot\": \"{agent}\", \"documents\": [{document}]}}"), field);
        var imported = await member.PostRaw($"{Prefix}/spaces/{space}/documents/", $"[{document}]");
        await ApiAssert.Invalid(imported, field);
    }

    [Fact]
    public async Task ACsvFieldLongerThanADocument_EndsTheUploadWithA400NamingTheRow()
    {
        var (org, space, _) = await SetUpAsync();
        var csv = "name,contact_number,notes\nAda,+14155550100,short\nBob,+14155550101," + new string('x', 70_000) + "\n";
        var response = await org.Client(App, org.Member).PostAsync($"{Prefix}/spaces/{space}/documents/", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var body = await ApiAssert.Invalid(response, "rows[3]");
        Assert.Contains("65,536", body["errors"]!["rows[3]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("calling_hours.ranges")]
    [InlineData("calling_hours.days")]
    [InlineData("retry.on")]
    public async Task AgentListsLongerThanTheyCanBe_Are400(string field)
    {
        var (org, _, _) = await SetUpAsync();
        object body = field switch
        {
            "calling_hours.ranges" => new { name = "x", calling_hours = new { ranges = Enumerable.Range(0, 25).Select(_ => new { start = "09:00", end = "10:00" }) } },
            "calling_hours.days" => new { name = "x", calling_hours = new { days = Enumerable.Repeat("mon", 8) } },
            _ => new { name = "x", retry = new { on = Enumerable.Repeat("busy", 5) } },
        };
        await ApiAssert.Invalid(await org.Client(App, org.Admin).PostJson($"{Prefix}/agents/", body), field);
    }

    [Fact]
    public async Task JsonKeptAsSent_IsBoundedByItsColumn()
    {
        var (org, space, agent) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var meta = Enumerable.Range(0, 100).Select(i => new { meta_key = $"k{i}", meta_value = new string('v', 300) });
        await ApiAssert.Invalid(await admin.PostJson($"{Prefix}/telephony/providers-configurations/", new { provider = "vapi", api_key = "k", meta_json = meta }), "meta_json");
        var filters = new JsonObject { ["labels"] = new JsonArray([.. Enumerable.Range(0, 50).Select(i => (JsonNode)JsonValue.Create($"label-{i}-{new string('l', 90)}"))]) };
        await ApiAssert.Invalid(await admin.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new { pilot = agent, filters }), "filters");
    }
}

public sealed class SizeLimitTestsOnSqlite(EngineApp<Sqlite> app) : SizeLimitTests<Sqlite>(app)
{
    /// <summary>
    /// SQLite has one writer: an all-or-nothing import must not hold the write lock while its client is
    /// still sending, or every other write (the engine's included) waits on that client.
    /// </summary>
    [Fact]
    public async Task AnAtomicImport_ReadsItsBodyBeforeTakingTheWriteLock()
    {
        var (org, space, _) = await SetUpAsync();
        var paused = new TaskCompletionSource();
        var resume = new TaskCompletionSource();
        var content = new PausingCsv(1500, paused, resume.Task);
        // A client of its own: the test host's buffers a request body whole before sending it.
        using var streaming = new HttpClient { BaseAddress = App.Client().BaseAddress };
        streaming.DefaultRequestHeaders.Add("Authorization", $"Token {org.Member.Key}");
        var import = streaming.PostAsync($"{Prefix}/spaces/{space}/documents/?atomic=true", content);
        await paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Give the server time to write the first batch, as it would without the buffering.
        await Task.Delay(1000);

        var elapsed = Stopwatch.StartNew();
        await ApiAssert.Envelope(await org.Client(App, org.Admin).PostJson($"{Prefix}/spaces/", new { name = "Meanwhile" }), HttpStatusCode.Created);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), $"another write waited {elapsed.Elapsed.TotalSeconds:0.0} s for the import's client");

        resume.SetResult();
        var done = await ApiAssert.Ok(await import, "Documents imported successfully");
        Assert.Equal(3000, done["data"]!["created"]!.GetValue<int>());
    }

    /// <summary>A CSV body sent in two halves, with a pause between them that the test ends.</summary>
    private sealed class PausingCsv : HttpContent
    {
        private readonly int rowsPerHalf;
        private readonly TaskCompletionSource paused;
        private readonly Task resume;

        public PausingCsv(int rowsPerHalf, TaskCompletionSource paused, Task resume)
        {
            (this.rowsPerHalf, this.paused, this.resume) = (rowsPerHalf, paused, resume);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("name,contact_number\n" + Rows(0)));
            await stream.FlushAsync();
            paused.SetResult();
            await resume;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(Rows(rowsPerHalf)));
        }

        private string Rows(int from) => string.Concat(Enumerable.Range(from, rowsPerHalf).Select(i => $"Contact {i},+1415{i:0000000}\n"));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

public sealed class SizeLimitTestsOnPostgres(EngineApp<Postgres> app) : SizeLimitTests<Postgres>(app);
