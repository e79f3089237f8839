using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Http;

/// <summary>One row of the reference's endpoint table (section 1), with what its success looks like.</summary>
/// <param name="OrgHandleRequired">False where the space or agent in the path names the organization (and for organizations/).</param>
public sealed record ReferenceEndpoint(
    string Key, string Method, string Path, HttpStatusCode Status, string? Message, string[] Fields, bool OrgHandleRequired = true, object? Body = null);

/// <summary>The reference's endpoint table, section 1: 26 endpoints and the old create-task path.</summary>
public static class ReferenceTable
{
    private static readonly string[] TaskFields =
        ["task_id", "_id", "run_id", "thread_id", "user_info", "task", "input", "output", "attachments", "assignee", "status", "execution_type",
         "run_mode", "ref_id", "failure_count", "last_failure_reason", "retry_attempt", "last_status_change", "scheduled_timestamp", "created", "modified"];

    public static readonly ReferenceEndpoint[] Table =
    [
        new("1", "GET", "organizations/", HttpStatusCode.OK, "Organizations fetched successfully",
            ["id", "name", "domain_handle", "created_at", "token", "domain", "is_private_domain", "role"], OrgHandleRequired: false),
        new("2", "GET", "spaces/", HttpStatusCode.OK, "Spaces fetched successfully",
            ["id", "name", "token", "agent_handle", "created_at", "slug", "description", "logo", "privacy_type", "space_type", "content_type", "organization"]),
        new("3", "GET", "spaces/{space}/", HttpStatusCode.OK, "Space fetched successfully",
            ["id", "name", "token", "agent_handle", "created_at", "created", "modified", "agents"]),
        new("4", "GET", "spaces/{space}/tasks/?page=1&page_size=10", HttpStatusCode.OK, "Tasks Fetched Successfully", TaskFields, OrgHandleRequired: false),
        new("5", "POST", "spaces/{space}/tasks/create/", HttpStatusCode.OK, "Task Created Successfully", ["run_id", "task_ids", "status"], OrgHandleRequired: false,
            Body: new { pilot = "{agent}", context = "Call the lead", documents = new[] { new { name = "John Doe", contact_number = "+919876543210" } } }),
        new("5-old", "POST", "spaces/{space}/tasks/", HttpStatusCode.OK, "Task Created Successfully", ["run_id", "task_ids", "status"], OrgHandleRequired: false,
            Body: new { pilot = "{agent}", documents = new[] { new { name = "Jane Doe", contact_number = "+919876543211" } } }),
        new("6", "GET", "spaces/{space}/runs/", HttpStatusCode.OK, "Runs Fetched Successfully",
            ["run_id", "space_id", "user", "thread_id", "collection_ref", "run_mode", "status", "batch_count", "created", "modified"], OrgHandleRequired: false),
        new("7", "GET", "spaces/{space}/runs/{run}/tasks/", HttpStatusCode.OK, "Tasks Fetched Successfully", TaskFields, OrgHandleRequired: false),
        new("8", "GET", "agents/", HttpStatusCode.OK, "Agents fetched successfully", ["handle", "name", "type", "state", "purpose", "description"]),
        new("9", "GET", "agents/{agent}/tasks/", HttpStatusCode.OK, "Tasks Fetched Successfully", TaskFields, OrgHandleRequired: false),
        new("10", "GET", "agents/{agent}/executions/", HttpStatusCode.OK, "Executions fetched successfully", ["run_id", "status"], OrgHandleRequired: false),
        new("11", "GET", "telephony/bridges/", HttpStatusCode.OK, "Bridges fetched successfully.", ["id", "name", "slug", "provider", "numbers"]),
        new("12", "POST", "telephony/bridges/", HttpStatusCode.Created, "Bridge created successfully.", ["id", "name", "slug", "created_at"],
            Body: new { name = "Sales Bridge", slug = "{new-slug}" }),
        new("13", "GET", "telephony/bridges/{bridge}/", HttpStatusCode.OK, "Bridge fetched successfully.", ["id", "name", "slug", "numbers"]),
        new("14", "PATCH", "telephony/bridges/{bridge}/", HttpStatusCode.OK, "Bridge updated successfully.", ["id", "name", "slug", "numbers"],
            Body: new { name = "Updated Sales Bridge" }),
        new("15", "DELETE", "telephony/bridges/{spare-bridge}/", HttpStatusCode.NoContent, null, []),
        new("16", "POST", "telephony/bridges/{bridge}/connect-provider/", HttpStatusCode.OK, "Provider connected to bridge successfully.",
            ["message", "bridge_slug", "phone_number"], Body: new { provider_config_id = "{provider}", phone_number = "{new-number}" }),
        new("17", "POST", "telephony/bridges/{bridge}/disconnect-provider/", HttpStatusCode.OK, "Provider disconnected from bridge successfully.",
            ["message", "bridge_slug"], Body: new { phone_number = "{connected-number}" }),
        new("18", "GET", "telephony/numbers/", HttpStatusCode.OK, "Telephony numbers fetched successfully.", ["id", "number", "active"]),
        new("19", "GET", "telephony/providers-configurations/", HttpStatusCode.OK, "Provider configurations fetched successfully.",
            ["id", "provider", "account_sid", "created_at"]),
        new("20", "POST", "telephony/providers-configurations/", HttpStatusCode.Created, "Provider configuration created successfully.",
            ["id", "provider", "account_sid", "created_at"], Body: new { provider = "twilio", account_sid = "{new-sid}", auth_token = "your_auth_token" }),
        new("21", "GET", "telephony/providers-configurations/{provider}/", HttpStatusCode.OK, "Provider configuration fetched successfully.",
            ["id", "provider", "account_sid", "created_at"]),
        new("22", "PATCH", "telephony/providers-configurations/{provider}/", HttpStatusCode.OK, "Provider configuration updated successfully.",
            ["id", "provider", "account_sid", "created_at"], Body: new { auth_token = "new_auth_token" }),
        new("23", "DELETE", "telephony/providers-configurations/{spare-provider}/", HttpStatusCode.NoContent, null, []),
        new("24", "GET", "call-logs/?page=1&page_size=20&call_type=outbound&call_status=completed", HttpStatusCode.OK, "Call logs fetched successfully",
            ["id", "source_number", "destination_number", "call_type", "call_status", "creation_time", "start_time", "end_time", "call_duration", "end_reason", "bridge"]),
        new("25", "GET", "organisation/billing/?page=1&page_size=10", HttpStatusCode.OK, "Billing data fetched successfully",
            ["id", "invoice_number", "amount", "tax_amount", "currency", "status", "charge_type", "invoice_date", "due_date", "payment_at"]),
        new("26", "GET", "organisation/analytics/?space_token={space}", HttpStatusCode.OK, "Analytics fetched successfully",
            ["call_analytics", "call_status", "total_calls", "completed_calls", "failed_calls", "avg_duration_seconds", "total_tasks", "task_status_breakdown"]),
    ];

    public static TheoryData<string> Rows => new(Table.Select(r => r.Key));
}

/// <summary>
/// Walks the 26 documented endpoints and the old create-task path: each answers its documented
/// success shape on real data, wants Org-Handle where the contract says, and shows another
/// organization nothing of this one.
/// </summary>
public abstract class ReferenceEndpointTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private static readonly ConcurrentDictionary<object, Task<World>> Worlds = new();

    /// <summary>An organization with a contact space, a simulated agent on a bridge with a number, and a finished run.</summary>
    private sealed record World(TestOrg Org, string Space, string Agent, string Run, string Bridge, int Provider, string ConnectedNumber);

    private async Task<World> SetUpAsync()
    {
        var org = await NewOrgAsync();
        var admin = ClientFor(org, org.Admin);
        async Task<JsonNode> Created(string path, object body) =>
            (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/{path}", body), HttpStatusCode.Created))["data"]!;

        var space = (await Created("spaces/", new { name = "Outreach", content_type = "contact", space_type = "contact" }))["token"]!.GetValue<string>();
        var agent = (await Created("agents/", new { name = "Caller", state = "published", simulation = new { latency_ms = 0 } }))["handle"]!.GetValue<string>();
        var provider = (await Created("telephony/providers-configurations/", new { provider = "twilio", account_sid = "ACworld", auth_token = "t" }))["id"]!.GetValue<int>();
        var bridge = (await Created("telephony/bridges/", new { name = "Main", slug = "main", agents = new[] { agent } }))["slug"]!.GetValue<string>();
        await ApiAssert.Ok(await admin.PostJson($"{Prefix}/telephony/bridges/main/connect-provider/", new { provider_config_id = provider, phone_number = "+14155550000" }),
            "Provider connected to bridge successfully.");
        await ApiAssert.Ok(await admin.PostJson($"{Prefix}/telephony/bridges/main/connect-provider/", new { provider_config_id = provider, phone_number = "+14155550001" }),
            "Provider connected to bridge successfully.");
        await Created("telephony/numbers/", new { number = "+14155550009", provider_config_id = provider });

        var run = (await ApiAssert.Ok(await ClientFor(org, org.Member).PostJson($"{Prefix}/spaces/{space}/tasks/create/",
            new { pilot = agent, documents = new[] { new { name = "Ada", contact_number = "+14155551234" } } }), "Task Created Successfully"))["data"]!["run_id"]!.GetValue<string>();
        await Eventually.WaitAsync(async () =>
            (await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/spaces/{space}/runs/{run}/"), "Run fetched successfully"))["data"]!["status"]!.GetValue<string>() == "completed",
            "the reference run to complete");
        return new World(org, space, agent, run, bridge, provider, "+14155550001");
    }

    /// <summary>Fills a row's placeholders; rows that consume something (a delete, a disconnect) get their own.</summary>
    private async Task<string> FillAsync(string text, World world)
    {
        var admin = ClientFor(world.Org, world.Org.Admin);
        var unique = Guid.NewGuid().ToString("N")[..10];
        if (text.Contains("{spare-bridge}", StringComparison.Ordinal))
            await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/bridges/", new { name = "Spare", slug = $"spare-{unique}" }), HttpStatusCode.Created);
        if (text.Contains("{spare-provider}", StringComparison.Ordinal))
        {
            var spare = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/providers-configurations/", new { provider = "plivo", account_sid = unique, auth_token = "t" }), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
            text = text.Replace("{spare-provider}", spare.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        if (text.Contains("{connected-number}", StringComparison.Ordinal))
        {
            var number = $"+1628555{Random.Shared.Next(1000, 9999)}";
            await ApiAssert.Ok(await admin.PostJson($"{Prefix}/telephony/bridges/{world.Bridge}/connect-provider/", new { provider_config_id = world.Provider, phone_number = number }),
                "Provider connected to bridge successfully.");
            text = text.Replace("{connected-number}", number, StringComparison.Ordinal);
        }
        return text
            .Replace("{space}", world.Space, StringComparison.Ordinal).Replace("{agent}", world.Agent, StringComparison.Ordinal)
            .Replace("{run}", world.Run, StringComparison.Ordinal).Replace("{bridge}", world.Bridge, StringComparison.Ordinal)
            .Replace("{spare-bridge}", $"spare-{unique}", StringComparison.Ordinal).Replace("{new-slug}", $"sales-{unique}", StringComparison.Ordinal)
            .Replace("{new-sid}", $"AC{unique}", StringComparison.Ordinal).Replace("{new-number}", $"+1707555{Random.Shared.Next(1000, 9999)}", StringComparison.Ordinal)
            .Replace("\"{provider}\"", world.Provider.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{provider}", world.Provider.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, ReferenceEndpoint row, World world)
    {
        var request = new HttpRequestMessage(new HttpMethod(row.Method), $"{Prefix}/{await FillAsync(row.Path, world)}");
        if (row.Body is not null)
            request.Content = new StringContent(await FillAsync(System.Text.Json.JsonSerializer.Serialize(row.Body), world), System.Text.Encoding.UTF8, "application/json");
        // Clients send Content-Type on GETs too (the docs list it); it must not matter.
        else request.Content = new StringContent("", System.Text.Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(ReferenceTable.Rows), MemberType = typeof(ReferenceTable))]
    public async Task DocumentedEndpoint_AnswersItsSuccessShape(string key)
    {
        var row = ReferenceTable.Table.Single(r => r.Key == key);
        var world = await Worlds.GetOrAdd(App, _ => SetUpAsync());
        var response = await SendAsync(ClientFor(world.Org, world.Org.Admin), row, world);

        if (row.Status == HttpStatusCode.NoContent)
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            return;
        }
        var body = await ApiAssert.Envelope(response, row.Status, row.Message);
        var data = body["data"]!;
        var item = data is JsonArray list ? list.FirstOrDefault() : data;
        Assert.True(item is not null, $"{row.Method} {row.Path} returned no rows to check: {body.ToJsonString()}");
        foreach (var field in row.Fields)
            Assert.True(item.AsObject().ContainsKey(field), $"{row.Method} {row.Path}: no '{field}' in {item.ToJsonString()}");
        if (data is JsonArray) Assert.True(body["count"]!.GetValue<int>() >= 1);
        if (key == "25") Assert.Equal(data.ToJsonString(), body["results"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(ReferenceTable.Rows), MemberType = typeof(ReferenceTable))]
    public async Task DocumentedEndpoint_WantsOrgHandleWhereTheContractSays(string key)
    {
        var row = ReferenceTable.Table.Single(r => r.Key == key);
        var world = await Worlds.GetOrAdd(App, _ => SetUpAsync());
        var noHandle = App.Client(world.Org.Admin.Key);
        var response = await SendAsync(noHandle, row, world);
        if (row.OrgHandleRequired)
            await ApiAssert.Error(response, HttpStatusCode.BadRequest, "Org-Handle header is required.");
        else
            Assert.True(response.IsSuccessStatusCode, $"{row.Method} {row.Path} without Org-Handle: {(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(ReferenceTable.Rows), MemberType = typeof(ReferenceTable))]
    public async Task DocumentedEndpoint_ShowsAnotherOrganizationNothing(string key)
    {
        var row = ReferenceTable.Table.Single(r => r.Key == key);
        if (row.Key == "1") return; // organizations/ lists the caller's own.
        var world = await Worlds.GetOrAdd(App, _ => SetUpAsync());
        var other = await NewOrgAsync();
        var outsider = ClientFor(other, other.Admin);
        var response = await SendAsync(outsider, row, world);
        var text = await response.Content.ReadAsStringAsync();

        if (row.Path.Contains('{', StringComparison.Ordinal))
        {
            // A route naming the first organization's space, run, agent, bridge or provider.
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{row.Method} {row.Path} as an outsider: {(int)response.StatusCode} {text}");
            return;
        }
        // Lists and creations answer in the caller's own organization, with nothing of the first one.
        Assert.True(response.IsSuccessStatusCode, $"{row.Method} {row.Path} as an outsider: {(int)response.StatusCode} {text}");
        foreach (var mine in new[] { world.Space, world.Run, world.Agent, world.ConnectedNumber, "ACworld" })
            Assert.DoesNotContain(mine, text, StringComparison.Ordinal);
    }
}

public sealed class ReferenceEndpointTestsOnSqlite(PodiumApp<Sqlite> app) : ReferenceEndpointTests<Sqlite>(app);

public sealed class ReferenceEndpointTestsOnPostgres(PodiumApp<Postgres> app) : ReferenceEndpointTests<Postgres>(app);
