using System.CommandLine;
using Podium.Server.Features.Documents;
using Podium.Server.Features.Runs;

namespace Podium.Server.Admin;

/// <summary><c>admin run …</c> and <c>admin documents import</c>: the same operations as the API's and the console's.</summary>
internal static class RunCommands
{
    public static Command Runs(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var group = new Command("run", "Runs of a space") { CreateRunCommand(settings) };
        foreach (var action in RunControl.Actions) group.Subcommands.Add(Control(settings, action));
        return group;
    }

    private static Command CreateRunCommand(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var org = AdminCommands.Required("--org", "Organization domain_handle");
        var space = AdminCommands.Required("--space", "Token of the space");
        var agent = AdminCommands.Required("--agent", "Handle of the published agent that carries the tasks out");
        var documents = new Option<FileInfo?>("--documents") { Description = "A JSON file holding an array of documents; the space's collection when left out" };
        var objective = new Option<string?>("--context") { Description = "What the agent is to achieve" };
        var at = new Option<DateTimeOffset?>("--at") { Description = "When the tasks start (ISO 8601); now when left out" };
        var command = new Command("create", "Create a run: one task per document") { org, space, agent, documents, objective, at, AdminCommands.AsMember };
        AdminCommands.Run(command, settings, async (parse, context, ct) =>
        {
            if (parse.GetValue(AdminCommands.AsMember) is null) return context.Fail("A run is created by a member: name one with --as.");
            var (organization, refusal) = await context.EnterAsync(parse.GetValue(org)!, parse.GetValue(AdminCommands.AsMember), ct);
            if (organization is null) return context.Fail(refusal!);
            List<JsonObject>? sent = null;
            if (parse.GetValue(documents) is { } file)
            {
                try
                {
                    await using var stream = file.OpenRead();
                    sent = (await JsonNode.ParseAsync(stream, cancellationToken: ct))?.AsArray().Select(d => d!.AsObject()).ToList();
                }
                catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or UnauthorizedAccessException)
                {
                    return context.Fail($"{file.Name} is not a readable JSON array of documents: {e.Message}");
                }
            }
            var schedule = parse.GetValue(at) is { } start ? new ScheduleRequest("at", At: start) : null;
            var request = new CreateTaskRequest(parse.GetValue(agent)!, sent, parse.GetValue(objective), schedule);
            var created = await CreateRun.RunAsync(new CreateRunCommand(parse.GetValue(space)!, request), context.Operations, context.Service<CollectionWriter>(), ct);
            return context.Finish(created, c => (c.Run, $"Created run {c.Run.RunId} with {c.Run.TaskIds.Count} tasks."));
        });
        return command;
    }

    private static Command Control(IEnumerable<KeyValuePair<string, string?>> settings, string action)
    {
        var org = AdminCommands.Required("--org", "Organization domain_handle");
        var space = AdminCommands.Required("--space", "Token of the space");
        var run = AdminCommands.Required("--run", "The run_id");
        var command = new Command(action, $"{char.ToUpperInvariant(action[0])}{action[1..]} a run") { org, space, run, AdminCommands.AsMember };
        AdminCommands.Run(command, settings, async (parse, context, ct) =>
        {
            var (organization, refusal) = await context.EnterAsync(parse.GetValue(org)!, parse.GetValue(AdminCommands.AsMember), ct);
            if (organization is null) return context.Fail(refusal!);
            var controlled = await ControlRun.RunAsync(new ControlRunCommand(parse.GetValue(space)!, parse.GetValue(run)!, action), context.Operations, ct);
            return context.Finish(controlled, r => (r, $"Run {r.RunId} is {RunControl.Wire(r.Status)}."));
        });
        return command;
    }

    public static Command ImportDocuments(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var org = AdminCommands.Required("--org", "Organization domain_handle");
        var space = AdminCommands.Required("--space", "Token of the space");
        var file = new Option<FileInfo>("--file") { Required = true, Description = "A CSV file, or a JSON array of documents (.json)" };
        var atomic = new Option<bool>("--atomic") { Description = "Keep nothing unless every row is valid" };
        var command = new Command("import", "Import documents into a space's collection") { org, space, file, atomic, AdminCommands.AsMember };
        AdminCommands.Run(command, settings, async (parse, context, ct) =>
        {
            var (organization, refusal) = await context.EnterAsync(parse.GetValue(org)!, parse.GetValue(AdminCommands.AsMember), ct);
            if (organization is null) return context.Fail(refusal!);
            var path = parse.GetValue(file)!;
            if (!path.Exists) return context.Fail($"No file {path.FullName}");
            await using var stream = path.OpenRead();
            var contentType = path.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : "text/csv";
            var command = new ImportDocumentsCommand(parse.GetValue(space)!, DocumentUpload.FromFile(stream, path.Name, contentType), parse.GetValue(atomic));
            var imported = await Features.Documents.ImportDocuments.RunAsync(command, context.Operations, context.Service<DocumentImport>(), ct);
            return context.Finish(imported, r => (r, $"Imported {r.Created} new, {r.Updated} updated, {r.Rejected} rejected."));
        });
        return command;
    }
}
