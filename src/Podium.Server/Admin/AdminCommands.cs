using System.CommandLine;
using Podium.Server.Features.Agents;
using Podium.Server.Features.ApiKeys;
using Podium.Server.Features.Members;
using Podium.Server.Features.Organizations;
using Podium.Server.Features.Spaces;
using Podium.Server.Features.Users;

namespace Podium.Server.Admin;

/// <summary>
/// <c>Podium.Server admin …</c>: operator commands that use the server's configuration
/// (Database:Provider, ConnectionStrings:Podium) and the same operations as the API.
/// </summary>
public static class AdminCommands
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print the result as JSON", Recursive = true };

    /// <summary>Acts as this member of the organization (their role, the private spaces they see); the operator when left out.</summary>
    internal static readonly Option<string?> AsMember = new("--as") { Description = "Email of the member to act as; the operator when left out" };

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, [], output, error);

    /// <param name="settings">Configuration laid over the usual sources (tests use it to pick a database).</param>
    public static async Task<int> RunAsync(string[] args, IEnumerable<KeyValuePair<string, string?>> settings, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Podium admin commands") { Json };
        root.Subcommands.Add(Migrate(settings));
        root.Subcommands.Add(Group("org", "Organizations", CreateOrganization(settings)));
        root.Subcommands.Add(Group("user", "Users", CreateUser(settings)));
        root.Subcommands.Add(Group("member", "Organization members", AddMember(settings)));
        root.Subcommands.Add(Group("key", "API keys", CreateKey(settings)));
        root.Subcommands.Add(Group("space", "Spaces", CreateSpace(settings)));
        root.Subcommands.Add(Group("agent", "Agents", CreateAgent(settings)));
        root.Subcommands.Add(RunCommands.Runs(settings));
        root.Subcommands.Add(Group("documents", "A space's data collection", RunCommands.ImportDocuments(settings)));
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Command Group(string name, string description, Command child) => new(name, description) { child };

    /// <summary>Opens an admin context for a command's action and disposes it afterwards.</summary>
    internal static void Run(Command command, IEnumerable<KeyValuePair<string, string?>> settings, Func<ParseResult, AdminContext, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            await using var context = await AdminContext.OpenAsync(settings, output, error, parse.GetValue(Json), ct);
            return await action(parse, context, ct);
        });

    internal static Option<string> Required(string name, string description) => new(name) { Required = true, Description = description };

    private static Command Migrate(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var command = new Command("migrate", "Apply pending database migrations");
        Run(command, settings, async (_, context, ct) =>
        {
            var applied = await context.Db.Database.GetAppliedMigrationsAsync(ct);
            return context.Report(new { migrated = true, migrations = applied }, $"Database is up to date ({applied.Count()} migrations).");
        });
        return command;
    }

    private static Command CreateOrganization(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var handle = Required("--handle", "The domain_handle clients send as Org-Handle");
        var name = Required("--name", "Display name");
        var domain = new Option<string?>("--domain");
        var region = new Option<string?>("--region") { Description = "Default phone region, e.g. US" };
        var timezone = new Option<string?>("--timezone") { Description = "IANA time zone, e.g. Europe/London" };
        var command = new Command("create", "Create an organization") { handle, name, domain, region, timezone };
        Run(command, settings, async (parse, context, ct) =>
        {
            var request = new CreateOrganizationRequest(parse.GetValue(name)!, parse.GetValue(handle)!, parse.GetValue(domain),
                DefaultPhoneRegion: parse.GetValue(region), Timezone: parse.GetValue(timezone));
            var created = await Features.Organizations.CreateOrganization.RunAsync(request, creatorUserId: null, context.Operations, ct);
            return context.Finish(created, o => (OrganizationDto.From(o, Role.Admin), $"Created organization {o.DomainHandle} (token {o.Token})."));
        });
        return command;
    }

    private static Command CreateUser(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var email = Required("--email", "Sign-in email, unique");
        var name = Required("--name", "Full name");
        var command = new Command("create", "Create a user") { email, name };
        Run(command, settings, async (parse, context, ct) =>
        {
            var request = new CreateUserRequest(parse.GetValue(email)!, parse.GetValue(name)!);
            if (context.Check(request) is { } invalid) return context.Fail(invalid);
            var created = await Features.Users.CreateUser.RunAsync(context.Db, request, context.Now, ct);
            return context.Finish(created, u => (new UserDto(u.Id, u.Email, u.FullName, u.CreatedAt), $"Created user {u.Email} (id {u.Id})."));
        });
        return command;
    }

    private static Command AddMember(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var org = Required("--org", "Organization domain_handle");
        var email = Required("--email", "The user's email");
        var role = new Option<Role>("--role") { Required = true, Description = "viewer, member or admin" };
        var command = new Command("add", "Add a user to an organization") { org, email, role };
        Run(command, settings, async (parse, context, ct) =>
        {
            var organization = await FindOrganizationAsync(context, parse.GetValue(org)!, ct);
            if (organization is null) return context.Fail("Organization not found");
            var request = new AddMemberRequest(parse.GetValue(email)!, parse.GetValue(role));
            if (context.Check(request) is { } invalid) return context.Fail(invalid);
            var added = await Features.Members.AddMember.RunAsync(context.Db, organization.Id, request, context.Now, ct);
            return context.Finish(added, m => (m, $"Added {m.Email} to {organization.DomainHandle} as {m.Role.ToString().ToLowerInvariant()}."));
        });
        return command;
    }

    private static Command CreateKey(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var email = Required("--email", "The user the key acts as");
        var days = new Option<int?>("--expires-in-days") { Description = "Days until the key expires; never when left out" };
        var name = new Option<string?>("--name") { Description = "A label to tell keys apart" };
        var command = new Command("create", "Create an API key; prints it once") { email, days, name };
        Run(command, settings, async (parse, context, ct) =>
        {
            var address = parse.GetValue(email)!.Trim().ToLowerInvariant();
            if (await context.Db.Users.FirstOrDefaultAsync(u => u.Email == address, ct) is not { } user) return context.Fail("User not found");
            var request = new CreateApiKeyRequest(parse.GetValue(name), parse.GetValue(days));
            var issued = await Features.ApiKeys.CreateApiKey.RunAsync(user.Id, request, context.Operations, context.Service<IOptions<ApiKeyOptions>>().Value, ct);
            return context.Finish(issued, key => (new { key = key.Key }, key.Key));
        });
        return command;
    }

    private static Command CreateSpace(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var org = Required("--org", "Organization domain_handle");
        var name = Required("--name", "Space name");
        var privacy = new Option<PrivacyType>("--privacy") { DefaultValueFactory = _ => PrivacyType.Shared, Description = "shared or private" };
        var agent = new Option<string?>("--agent") { Description = "Handle of the space's default agent" };
        var contentType = new Option<string?>("--content-type") { Description = "general, contact, table or email" };
        var spaceType = new Option<string?>("--space-type") { Description = "general, knowledge_base or contact" };
        var command = new Command("create", "Create a space") { org, name, privacy, agent, contentType, spaceType, AsMember };
        Run(command, settings, async (parse, context, ct) =>
        {
            var (organization, refusal) = await context.EnterAsync(parse.GetValue(org)!, parse.GetValue(AsMember), ct);
            if (organization is null) return context.Fail(refusal!);
            var request = new CreateSpaceRequest(parse.GetValue(name)!, PrivacyType: parse.GetValue(privacy),
                SpaceType: parse.GetValue(spaceType), ContentType: parse.GetValue(contentType), AgentHandle: parse.GetValue(agent));
            var created = await Features.Spaces.CreateSpace.RunAsync(request, context.Operations, ct);
            return context.Finish(created, space => (space, $"Created space {space.Name} (token {space.Token})."));
        });
        return command;
    }

    private static Command CreateAgent(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var org = Required("--org", "Organization domain_handle");
        var handle = Required("--handle", "Agent handle, unique on the server");
        var name = Required("--name", "Agent name");
        var state = new Option<AgentState>("--state") { DefaultValueFactory = _ => AgentState.Draft, Description = "draft, published or archived" };
        var runtime = new Option<AgentRuntime>("--runtime") { DefaultValueFactory = _ => AgentRuntime.Simulated, Description = "simulated or webhook" };
        var url = new Option<string?>("--url") { Description = "Where a webhook agent's tasks are POSTed" };
        var space = new Option<string?>("--space") { Description = "Token of the one space the agent serves" };
        var command = new Command("create", "Create an agent") { org, handle, name, state, runtime, url, space, AsMember };
        Run(command, settings, async (parse, context, ct) =>
        {
            var (organization, refusal) = await context.EnterAsync(parse.GetValue(org)!, parse.GetValue(AsMember), ct);
            if (organization is null) return context.Fail(refusal!);
            var request = new CreateAgentRequest(parse.GetValue(name)!, parse.GetValue(handle), State: parse.GetValue(state),
                SpaceToken: parse.GetValue(space), Runtime: new AgentRuntimeRequest(parse.GetValue(runtime), parse.GetValue(url)));
            var created = await Features.Agents.CreateAgent.RunAsync(request, context.Operations, context.Protection, ct);
            if (created.Error is not null) return context.Fail(created.Error);
            var agent = created.Value!;
            var human = $"Created agent {agent.Handle} ({agent.State.ToString().ToLowerInvariant()}).";
            return context.Report(agent, agent.WebhookSecret is null ? human : $"{human}\nWebhook signing secret (shown once): {agent.WebhookSecret}");
        });
        return command;
    }

    /// <summary>Finds the organization and scopes the context's database to it.</summary>
    private static async Task<Organization?> FindOrganizationAsync(AdminContext context, string handle, CancellationToken ct)
    {
        var normalized = handle.Trim().ToLowerInvariant();
        var organization = await context.Db.Organizations.FirstOrDefaultAsync(o => o.DomainHandle == normalized, ct);
        if (organization is not null) context.Db.TenantId = organization.Id;
        return organization;
    }
}
