using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Podium.Data;
using Podium.Server.Admin;

namespace Podium.Server.Tests.Infrastructure;

/// <summary>What tests of the real executable share: a database, an organization seeded with the admin commands, a client, a run.</summary>
public static class ProcessSetup
{
    private const string Prefix = "/api/v2/platform";

    public static async Task<TDb> CreateDatabaseAsync<TDb>() where TDb : TestDatabase, new()
    {
        var database = new TDb();
        Assert.SkipWhen(database.Unavailable is not null, database.Unavailable ?? "");
        await database.CreateAsync();
        return database;
    }

    public sealed record Setup(string Handle, string Key, string Space, string Agent, string? Secret);

    /// <summary>An org, an admin key, a contact space and a published agent, made with the admin commands.</summary>
    public static async Task<Setup> SeedAsync(TestDatabase database, string? agentUrl)
    {
        var settings = database.Settings();
        settings["Outbound:AllowPrivateNetworks"] = "true";
        async Task<JsonNode> Admin(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.True(await AdminCommands.RunAsync([.. args, "--json"], settings, output, error) == 0, error.ToString());
            return JsonNode.Parse(output.ToString())!;
        }
        await Admin("org", "create", "--handle", "crash", "--name", "Crash");
        await Admin("user", "create", "--email", "ops@crash.test", "--name", "Ops");
        await Admin("member", "add", "--org", "crash", "--email", "ops@crash.test", "--role", "admin");
        var key = (await Admin("key", "create", "--email", "ops@crash.test"))["key"]!.GetValue<string>();
        var agent = agentUrl is null
            ? await Admin("agent", "create", "--org", "crash", "--handle", "crash-agent", "--name", "Sim", "--state", "published")
            : await Admin("agent", "create", "--org", "crash", "--handle", "crash-agent", "--name", "Hook", "--state", "published", "--runtime", "webhook", "--url", agentUrl);
        var space = await Admin("space", "create", "--org", "crash", "--name", "Calls", "--content-type", "contact", "--agent", "crash-agent");
        return new Setup("crash", key, space["token"]!.GetValue<string>(), "crash-agent", agent["webhook_secret"]?.GetValue<string>());
    }

    public static async Task<HttpClient> ClientAsync(ServerProcess server, Setup setup)
    {
        var client = new HttpClient { BaseAddress = new Uri(await server.ListeningAsync()) };
        client.DefaultRequestHeaders.Add("Authorization", $"Token {setup.Key}");
        client.DefaultRequestHeaders.Add("Org-Handle", setup.Handle);
        return client;
    }

    public static async Task<string> CreateRunAsync(HttpClient client, string space, string agent, int count)
    {
        var documents = Enumerable.Range(0, count).Select(i => new { name = $"Contact {i}", contact_number = $"+1415{i:0000000}" });
        var created = await ApiAssert.Ok(await client.PostJson($"{Prefix}/spaces/{space}/tasks/create/", new { pilot = agent, documents }), "Task Created Successfully");
        return created["data"]!["run_id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> WaitForRunAsync(HttpClient client, string space, string runId)
    {
        JsonNode run = new JsonObject();
        await Eventually.WaitAsync(async () =>
        {
            var response = await client.GetAsync($"{Prefix}/spaces/{space}/runs/{runId}/");
            run = (await ApiAssert.Envelope(response, HttpStatusCode.OK))["data"]!;
            return run["status"]!.GetValue<string>() is "completed" or "partially_completed" or "failed";
        }, $"run {runId} to finish");
        return run;
    }

    /// <summary>A context on the test's database, outside any server, to look at what the processes wrote.</summary>
    public static PodiumDb Open(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<PodiumDb>();
        options.UsePodiumDatabase(database.Provider, database.ConnectionString);
        return new PodiumDb(options.Options);
    }
}
