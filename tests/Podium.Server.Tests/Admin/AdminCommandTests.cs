using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Podium.Server.Admin;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Admin;

/// <summary>The admin commands prepare a database that the running server then serves.</summary>
public abstract class AdminCommandTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AdminCommands.RunAsync(args, App.Database.Settings(), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<JsonNode> RunJsonAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync([.. args, "--json"]);
        Assert.True(exit == 0, $"admin {string.Join(' ', args)} exited {exit}: {error}");
        return JsonNode.Parse(output)!;
    }

    [Fact]
    public async Task Script_PreparesOrgUserKeySpaceAndAgent_ThatTheServerServes()
    {
        var handle = $"adm-{Guid.NewGuid():N}"[..14];
        var email = $"{handle}@example.test";
        var agentHandle = $"{handle}-agent";

        Assert.True((await RunJsonAsync("migrate"))["migrated"]!.GetValue<bool>());
        Assert.Equal(handle, (await RunJsonAsync("org", "create", "--handle", handle, "--name", "Admin Org"))["domain_handle"]!.GetValue<string>());
        Assert.Equal(email, (await RunJsonAsync("user", "create", "--email", email, "--name", "Ada Admin"))["email"]!.GetValue<string>());
        Assert.Equal("admin", (await RunJsonAsync("member", "add", "--org", handle, "--email", email, "--role", "admin"))["role"]!.GetValue<string>());
        var key = (await RunJsonAsync("key", "create", "--email", email))["key"]!.GetValue<string>();
        var agent = await RunJsonAsync("agent", "create", "--org", handle, "--handle", agentHandle, "--name", "Hook",
            "--state", "published", "--runtime", "webhook", "--url", "https://agent.example.test/run");
        Assert.Equal("webhook", agent["runtime"]!["type"]!.GetValue<string>());
        var space = await RunJsonAsync("space", "create", "--org", handle, "--name", "Private Ops", "--privacy", "private", "--agent", agentHandle);
        Assert.Equal("private", space["privacy_type"]!.GetValue<string>());

        var client = App.Client(key, handle);
        var spaces = await ApiAssert.Ok(await client.GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully");
        var listed = Assert.Single(spaces["data"]!.AsArray())!;
        Assert.Equal(agentHandle, listed["agent_handle"]!.GetValue<string>());
        var agents = await ApiAssert.Ok(await client.GetAsync($"{Prefix}/agents/?state=published"), "Agents fetched successfully");
        Assert.Equal(agentHandle, Assert.Single(agents["data"]!.AsArray())!["handle"]!.GetValue<string>());
    }

    [Fact]
    public async Task KeyCreate_WithoutJson_PrintsTheKeyAlone()
    {
        var org = await NewOrgAsync();
        var (exit, output, _) = await RunAsync("key", "create", "--email", org.Viewer.Email, "--expires-in-days", "7");
        Assert.Equal(0, exit);
        var key = output.Trim();
        Assert.Matches("^pdm_[A-Za-z0-9]{40}$", key);
        await ApiAssert.Ok(await App.Client(key, org.Handle).GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully");
    }

    [Theory]
    [InlineData("member add --org no-such-org --email a@b.test --role admin", "Organization not found")]
    [InlineData("key create --email nobody@nowhere.test", "User not found")]
    [InlineData("org create --handle -bad- --name X", "domain_handle")]
    [InlineData("agent create --org no-such-org --handle abc --name X", "Organization not found")]
    public async Task Command_WithBadInput_ExitsOneWithMessage(string command, string expected)
    {
        var (exit, output, error) = await RunAsync(command.Split(' '));
        Assert.Equal(1, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task OrgCreate_Twice_ExitsOneWithConflict()
    {
        var org = await NewOrgAsync();
        var (exit, _, error) = await RunAsync("org", "create", "--handle", org.Handle, "--name", "Again");
        Assert.Equal(1, exit);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_MissingRequiredOption_FailsWithoutTouchingTheDatabase()
    {
        var (exit, _, error) = await RunAsync("org", "create", "--name", "No handle");
        Assert.NotEqual(0, exit);
        Assert.Contains("--handle", error, StringComparison.Ordinal);
        await using var scope = App.Scope(out var db);
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == "No handle"));
    }
}

public sealed class AdminCommandTestsOnSqlite(PodiumApp<Sqlite> app) : AdminCommandTests<Sqlite>(app);

public sealed class AdminCommandTestsOnPostgres(PodiumApp<Postgres> app) : AdminCommandTests<Postgres>(app);
