using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Podium.Server.Admin;
using Podium.Server.Tests.Infrastructure;
using Podium.Server.Tests.WebConsole;

namespace Podium.Server.Tests.Application;

/// <summary>
/// The API, the console and the admin commands reach the same operations: the same change, made
/// through each in an organization of its own, leaves the same audit entries and the same events.
/// </summary>
public abstract class EntryPointParityTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    private const string Csv = "name,contact_number\nAda,+14155550100\nBob,+14155550101\n";
    private const string Later = "2031-01-01T10:00:00Z";

    /// <summary>Creates a space, imports two contacts, creates a run of them for later and cancels it.</summary>
    private delegate Task ChangeAsync(TestOrg org, string agent);

    [Fact]
    public async Task CreateSpace_ImportDocuments_CreateAndCancelARun_AreRecordedAlike()
    {
        var api = await ChangedThroughAsync(ThroughApiAsync);
        var console = await ChangedThroughAsync(ThroughConsoleAsync);
        var admin = await ChangedThroughAsync(ThroughAdminAsync);

        Assert.Equal(["space.created", "document.imported", "run.created", "run.cancel"], api.Audit.Select(a => a.Split(' ')[0]));
        Assert.Equal(["run.created", "run.status_changed", "task.status_changed"], api.Events);
        Assert.Equal(api.Audit, console.Audit);
        Assert.Equal(api.Audit, admin.Audit);
        Assert.Equal(api.Events, console.Events);
        Assert.Equal(api.Events, admin.Events);
    }

    /// <summary>An org with a published agent and a subscription to every event; the change; then what it left.</summary>
    private async Task<(List<string> Audit, List<string> Events)> ChangedThroughAsync(ChangeAsync change)
    {
        var receiver = await EventReceiver.StartAsync();
        var (org, _, agent) = await SetUpAsync();
        await ApiAssert.Envelope(await org.Client(App, org.Admin).PostJson($"{Prefix}/webhooks/", new { url = receiver.Url }), HttpStatusCode.Created);
        await using var scope = App.Scope(out var db, org.Id);
        var since = await db.AuditLog.MaxAsync(a => a.Id);
        var firstEvent = await db.WebhookEvents.CountAsync();
        await change(org, agent);

        var users = new Dictionary<int, string> { [org.Admin.Id] = "admin", [org.Member.Id] = "member" };
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.Id > since).OrderBy(a => a.Id).ToListAsync();
        var events = await db.WebhookEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Type).ToListAsync();
        return (audit.ConvertAll(a => $"{a.Action} {a.TargetType} {a.Fields} {(a.UserId is { } id ? users[id] : "none")}"), events[firstEvent..]);
    }

    private async Task ThroughApiAsync(TestOrg org, string agent)
    {
        var admin = org.Client(App, org.Admin);
        var member = org.Client(App, org.Member);
        var space = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", new { name = "Parity", content_type = "contact", space_type = "contact" }), HttpStatusCode.Created))["data"]!["token"]!.GetValue<string>();
        await ApiAssert.Ok(await member.PostAsync($"{Prefix}/spaces/{space}/documents/", new StringContent(Csv, MediaTypeHeaderValue.Parse("text/csv"))), "Documents imported successfully");
        var run = (await ApiAssert.Ok(await member.PostJson($"{Prefix}/spaces/{space}/tasks/create/",
            new { pilot = agent, documents = new[] { new { name = "Ada", contact_number = "+14155550100" } }, schedule = new { type = "at", at = Later } }), "Task Created Successfully"))["data"]!["run_id"]!.GetValue<string>();
        await ApiAssert.Ok(await member.PostAsync($"{Prefix}/spaces/{space}/runs/{run}/cancel/", null), "Run cancelled successfully");
    }

    private async Task ThroughConsoleAsync(TestOrg org, string agent)
    {
        using var admin = new ConsoleUser(App.Client().BaseAddress!);
        await admin.SignInAsync(org.Admin.Key);
        using var member = new ConsoleUser(App.Client().BaseAddress!);
        await member.SignInAsync(org.Member.Key);
        var root = $"/console/{org.Handle}/spaces";
        var created = await admin.PostFormAsync(root, "create-space", [new("Form.Name", "Parity"), new("Form.ContentType", "contact")]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var page = created.Response.Headers.Location!.OriginalString;
        var space = page.Split('/')[^1];

        var (_, html, _) = await member.GetAsync(page);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent("upload"), "_handler" },
            { new StringContent(ConsoleUser.Token(html)), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Csv)) { Headers = { ContentType = MediaTypeHeaderValue.Parse("text/csv") } }, "file", "contacts.csv" },
        };
        var imported = await member.Http.PostAsync(page, upload);
        Assert.Contains("Imported: 2 new", await imported.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var run = await member.PostFormAsync($"{root}/{space}/runs/new", "new-run",
            [new("Form.Pilot", agent), new("Form.Contacts", "name,contact_number\nAda,+14155550100"), new("Form.When", "custom"), new("Form.At", "2031-01-01T10:00")]);
        Assert.Equal(HttpStatusCode.Redirect, run.Status);
        var cancelled = await member.PostFormAsync(run.Response.Headers.Location!.OriginalString, "cancel", []);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
    }

    private async Task ThroughAdminAsync(TestOrg org, string agent)
    {
        using var folder = new TempFolder();
        var csv = Path.Combine(folder.Path, "contacts.csv");
        await File.WriteAllTextAsync(csv, Csv);
        var documents = Path.Combine(folder.Path, "documents.json");
        await File.WriteAllTextAsync(documents, """[{"name": "Ada", "contact_number": "+14155550100"}]""");

        var space = (await AdminAsync("space", "create", "--org", org.Handle, "--name", "Parity", "--content-type", "contact", "--space-type", "contact", "--as", org.Admin.Email))["token"]!.GetValue<string>();
        await AdminAsync("documents", "import", "--org", org.Handle, "--space", space, "--file", csv, "--as", org.Member.Email);
        var run = (await AdminAsync("run", "create", "--org", org.Handle, "--space", space, "--agent", agent, "--documents", documents, "--at", Later, "--as", org.Member.Email))["run_id"]!.GetValue<string>();
        await AdminAsync("run", "cancel", "--org", org.Handle, "--space", space, "--run", run, "--as", org.Member.Email);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> AdminAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AdminCommands.RunAsync([.. args, "--json"], App.Database.Settings(), output, error);
        Assert.True(exit == 0, $"admin {string.Join(' ', args)} exited {exit}: {error}");
        return System.Text.Json.Nodes.JsonNode.Parse(output.ToString())!;
    }
}

public sealed class EntryPointParityTestsOnSqlite(EngineApp<Sqlite> app) : EntryPointParityTests<Sqlite>(app);

public sealed class EntryPointParityTestsOnPostgres(EngineApp<Postgres> app) : EntryPointParityTests<Postgres>(app);
