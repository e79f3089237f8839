using System.Net;
using System.Text.RegularExpressions;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Data;

/// <summary>The executable's first start on an empty database: demo data, a key and a curl line, once.</summary>
public abstract partial class FirstRunTests<TDb> where TDb : TestDatabase, new()
{
    [Fact]
    public async Task FirstStart_OnEmptyDatabase_PrintsWorkingKeyOnce()
    {
        await using var database = await CreateDatabaseAsync();
        using var folder = new TempFolder();

        string key, url;
        await using (var first = ServerProcess.Start(database, folder.Path))
        {
            await first.ListeningAsync();
            var output = await first.WaitForAsync("curl ");
            var curl = CurlLine().Match(output);
            Assert.True(curl.Success, output);
            (key, url) = (curl.Groups[1].Value, curl.Groups[2].Value);

            using var client = new HttpClient();
            client.DefaultRequestHeaders.Add("Authorization", $"Token {key}");
            client.DefaultRequestHeaders.Add("Org-Handle", "demo");
            var body = await ApiAssert.Ok(await client.GetAsync(url), "Spaces fetched successfully");
            var space = Assert.Single(body["data"]!.AsArray())!;
            Assert.Equal("demo-agent", space["agent_handle"]!.GetValue<string>());

            // The docs' create-task example, as printed, runs to completion on the demo space.
            var token = space["token"]!.GetValue<string>();
            var example = """
                {"pilot": "demo-agent", "context": "Call the lead and discuss the project requirements.", "schedule": {"type": "now"},
                 "documents": [{"name": "John Doe", "email": "john@example.com", "contact_number": "1234567890", "alternate_number": "+919876543210",
                   "occupation": "Sales Manager", "company_name": "Acme Corp", "address": "123 Main St, Mumbai", "about": "Warm lead from webinar",
                   "context": "Follow up on proposal sent last week", "labels": ["warm-lead", "webinar"], "title": "Q1 Outreach",
                   "description": "Lead from Q1 campaign", "document_id": "6902fb5840a736e125e80ebc"}]}
                """;
            var created = await ApiAssert.Ok(await client.PostRaw(url.Replace("/spaces/", $"/spaces/{token}/tasks/create/", StringComparison.Ordinal), example), "Task Created Successfully");
            var runUrl = url.Replace("/spaces/", $"/spaces/{token}/runs/{created["data"]!["run_id"]!.GetValue<string>()}/", StringComparison.Ordinal);
            for (var i = 0; i < 100 && (await ApiAssert.Ok(await client.GetAsync(runUrl), "Run fetched successfully"))["data"]!["status"]!.GetValue<string>() != "completed"; i++)
                await Task.Delay(100);
            Assert.Equal("completed", (await ApiAssert.Ok(await client.GetAsync(runUrl), "Run fetched successfully"))["data"]!["status"]!.GetValue<string>());

            await ApiAssert.Envelope(await client.PostJson(url.Replace("/spaces/", "/telephony/providers-configurations/", StringComparison.Ordinal),
                new { provider = "twilio", account_sid = "ACrestart", auth_token = "kept-across-restarts" }), HttpStatusCode.Created);
        }

        await using var second = ServerProcess.Start(database, folder.Path);
        var address = await second.ListeningAsync();
        using var again = new HttpClient();
        again.DefaultRequestHeaders.Add("Authorization", $"Token {key}");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"{address}/api/v2/platform/organizations/")).StatusCode);
        // Adding a secret decrypts the stored ones: the restarted process reads the key ring the first one wrote.
        again.DefaultRequestHeaders.Add("Org-Handle", "demo");
        var providers = $"{address}/api/v2/platform/telephony/providers-configurations/";
        var id = (await ApiAssert.Ok(await again.GetAsync(providers), "Provider configurations fetched successfully."))["data"]![0]!["id"]!.GetValue<int>();
        var patched = await ApiAssert.Ok(await again.PatchJson($"{providers}{id}/", new { api_key = "added-later" }), "Provider configuration updated successfully.");
        Assert.Equal(["auth_token", "api_key"], patched["data"]!["secrets_set"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.DoesNotContain("pdm_", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("curl ", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstStart_WithNoDemo_CreatesNothing()
    {
        await using var database = await CreateDatabaseAsync();
        using var folder = new TempFolder();
        await using var server = ServerProcess.Start(database, folder.Path, "--no-demo");
        var address = await server.ListeningAsync();
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{address}/readyz")).StatusCode);
        Assert.DoesNotContain("pdm_", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCommands_ThroughTheExecutable_PrepareADatabaseTheServerThenServes()
    {
        await using var database = await CreateDatabaseAsync();
        using var folder = new TempFolder();
        Assert.Equal(0, (await ServerProcess.RunAsync(database, folder.Path, "admin", "org", "create", "--handle", "scripted", "--name", "Scripted")).Exit);
        Assert.Equal(0, (await ServerProcess.RunAsync(database, folder.Path, "admin", "user", "create", "--email", "ops@example.test", "--name", "Ops")).Exit);
        Assert.Equal(0, (await ServerProcess.RunAsync(database, folder.Path, "admin", "member", "add", "--org", "scripted", "--email", "ops@example.test", "--role", "viewer")).Exit);
        var (exit, output, error) = await ServerProcess.RunAsync(database, folder.Path, "admin", "key", "create", "--email", "ops@example.test", "--json");
        Assert.True(exit == 0, error);
        var key = System.Text.Json.Nodes.JsonNode.Parse(output)!["key"]!.GetValue<string>();

        // The scripted database is not empty, so the server adds no demo organization.
        await using var server = ServerProcess.Start(database, folder.Path);
        var address = await server.ListeningAsync();
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Add("Authorization", $"Token {key}");
        var body = await ApiAssert.Ok(await client.GetAsync($"{address}/api/v2/platform/organizations/"), "Organizations fetched successfully");
        Assert.Equal("viewer", Assert.Single(body["data"]!.AsArray())!["role"]!.GetValue<string>());
        Assert.DoesNotContain("pdm_", server.Output, StringComparison.Ordinal);
    }

    private static async Task<TDb> CreateDatabaseAsync()
    {
        var database = new TDb();
        Assert.SkipWhen(database.Unavailable is not null, database.Unavailable ?? "");
        await database.CreateAsync();
        return database;
    }

    [GeneratedRegex(@"curl -H ""Authorization: Token (pdm_[A-Za-z0-9]+)"" -H ""Org-Handle: demo"" (\S+)")]
    private static partial Regex CurlLine();
}

public sealed class FirstRunTestsOnSqlite : FirstRunTests<Sqlite>;

public sealed class FirstRunTestsOnPostgres : FirstRunTests<Postgres>;
