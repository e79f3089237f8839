using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.WebConsole;

/// <summary>
/// The console over real HTTP (cookies, antiforgery, forms) on the real server: sign-in, tenant
/// isolation through every console URL, role-aware pages and forged posts, and the main flows.
/// </summary>
public abstract class ConsoleTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    private ConsoleUser NewUser() => new(App.Client().BaseAddress!);

    private async Task<ConsoleUser> SignedInAsync(TestUser user)
    {
        var browser = NewUser();
        var response = await browser.SignInAsync(user.Key);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>A finished run of two tasks in a fresh org; returns its ids.</summary>
    private async Task<(TestOrg Org, string Space, string Agent, string Run, string Task)> FinishedRunAsync()
    {
        var (org, space, agent) = await SetUpAsync();
        var run = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(2) });
        await App.RunEngineAsync();
        var task = (await TasksAsync(org, space, run))[0]!["task_id"]!.GetValue<string>();
        return (org, space, agent, run, task);
    }

    [Fact]
    public async Task SignIn_SetsAnEncryptedStrictCookie_ThatNeverHoldsTheKey()
    {
        var org = await TestOrg.CreateAsync(App);
        using var browser = NewUser();

        var refused = await browser.PostFormAsync("/console/sign-in", "sign-in", [new("Input.ApiKey", "pdm_not-a-key")]);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains("not valid", refused.Html, StringComparison.Ordinal);

        var signedIn = await browser.SignInAsync(org.Admin.Key);
        Assert.Equal("/console", signedIn.Headers.Location?.AbsolutePath);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("podium_console=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/console", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(org.Admin.Key, cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(org.Admin.Key[4..16], cookie, StringComparison.Ordinal);

        var home = await browser.GetAsync("/console");
        Assert.Equal($"/console/{org.Handle}/spaces", home.Response.Headers.Location?.OriginalString);
        var spaces = await browser.GetAsync($"/console/{org.Handle}/spaces");
        Assert.Equal(HttpStatusCode.OK, spaces.Status);
        Assert.Contains($"Org {org.Handle}", spaces.Html, StringComparison.Ordinal);

        // Signing out clears it.
        var (_, page, _) = await browser.GetAsync($"/console/{org.Handle}/spaces");
        var signOut = await browser.Http.PostAsync("/console/sign-out", new FormUrlEncodedContent([new("__RequestVerificationToken", ConsoleUser.Token(page))]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith("/console/sign-in", (await browser.GetAsync($"/console/{org.Handle}/spaces")).Response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokingTheKey_EndsTheConsoleSession_AtOnce()
    {
        var org = await TestOrg.CreateAsync(App);
        var key = (await ApiAssert.Envelope(await org.Client(App, org.Member).PostJson($"{Prefix}/api-keys/", new { name = "console" }), HttpStatusCode.Created))["data"]!;
        using var browser = NewUser();
        await browser.SignInAsync(key["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/console/{org.Handle}/spaces")).Status);

        var revoked = await org.Client(App, org.Member).DeleteAsync($"{Prefix}/api-keys/{key["id"]}/");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        var after = await browser.GetAsync($"/console/{org.Handle}/spaces");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/console/sign-in", after.Response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync(key["key"]!.GetValue<string>())).StatusCode);
    }

    [Fact]
    public async Task AnotherOrganizationsData_IsNotFound_ThroughAnyConsoleUrl()
    {
        var mine = await FinishedRunAsync();
        var theirs = await FinishedRunAsync();
        var webhook = (await ApiAssert.Envelope(await theirs.Org.Client(App, theirs.Org.Admin).PostJson($"{Prefix}/webhooks/", new { url = "https://example.test/hook" }), HttpStatusCode.Created))["data"]!["id"]!;
        using var browser = await SignedInAsync(mine.Org.Admin);
        var a = $"/console/{mine.Org.Handle}";
        var b = $"/console/{theirs.Org.Handle}";

        string[] urls =
        [
            $"{b}/spaces", $"{b}/agents", $"{b}/keys", $"{b}/webhooks", $"{b}/telephony", $"{b}/analytics",
            $"{b}/spaces/{theirs.Space}", $"{b}/spaces/{theirs.Space}/runs/{theirs.Run}",
            $"{a}/spaces/{theirs.Space}", $"{a}/spaces/{theirs.Space}/runs/new", $"{a}/spaces/{theirs.Space}/runs/{theirs.Run}",
            $"{a}/spaces/{theirs.Space}/runs/{theirs.Run}/progress", $"{a}/spaces/{theirs.Space}/tasks/{theirs.Task}",
            $"{a}/spaces/{mine.Space}/runs/{theirs.Run}", $"{a}/spaces/{mine.Space}/tasks/{theirs.Task}",
            $"{a}/agents/{theirs.Agent}", $"{a}/webhooks/{webhook}",
        ];
        foreach (var url in urls)
        {
            var (status, html, _) = await browser.GetAsync(url);
            Assert.True(status == HttpStatusCode.NotFound, $"{url} answered {status}");
            Assert.DoesNotContain(theirs.Org.Handle, html.Replace(b, "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        // Posting to their resources through my organization's URLs changes nothing.
        // (A not-found page renders no form, so the post is refused before any handler runs.)
        var cancel = await browser.PostFormAsync($"{a}/spaces/{theirs.Space}/runs/{theirs.Run}", "cancel", [], tokenFrom: $"{a}/spaces");
        Assert.InRange((int)cancel.Status, 400, 404);
        var delete = await browser.PostFormAsync($"{a}/spaces", $"delete-{theirs.Space}", [], tokenFrom: $"{a}/spaces");
        Assert.InRange((int)delete.Status, 400, 404);
        Assert.Equal(HttpStatusCode.OK, (await theirs.Org.Client(App, theirs.Org.Admin).GetAsync($"{Prefix}/spaces/{theirs.Space}/")).StatusCode);
        Assert.Equal("completed", (await RunAsync(theirs.Org, theirs.Space, theirs.Run))["status"]!.GetValue<string>());

        // My own pages show nothing of theirs.
        foreach (var page in new[] { "spaces", "agents", "webhooks", "telephony", "analytics", "keys" })
            Assert.DoesNotContain(theirs.Space, (await browser.GetAsync($"{a}/{page}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewer_SeesNoManagementActions_AndForgedPostsAreRefused()
    {
        var (org, space, agent) = await SetUpAsync();
        var later = App.Clock.GetUtcNow().AddDays(2);
        var run = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(2), schedule = new { type = "at", at = later } });
        using var viewer = await SignedInAsync(org.Viewer);
        var root = $"/console/{org.Handle}";

        foreach (var page in new[] { "spaces", $"spaces/{space}", $"spaces/{space}/runs/{run}", "agents", $"agents/{agent}", "webhooks" })
        {
            var (status, html, _) = await viewer.GetAsync($"{root}/{page}");
            Assert.Equal(HttpStatusCode.OK, status);
            foreach (var action in new[] { "Create space", ">Delete<", "New run", ">Upload<", ">Cancel<", ">Pause<", ">Save<", "New agent", "Create subscription" })
                Assert.False(html.Contains(action, StringComparison.Ordinal), $"{page} offers {action} to a viewer");
        }

        // Forms a viewer's pages do not render: the post names a form that is not there and is refused before any handler runs.
        var forged = new[]
        {
            await viewer.PostFormAsync($"{root}/spaces", "create-space", [new("Form.Name", "Forged")]),
            await viewer.PostFormAsync($"{root}/spaces/{space}/runs/{run}", "cancel", []),
            await viewer.PostFormAsync($"{root}/spaces", $"delete-{space}", []),
            await viewer.PostFormAsync($"{root}/spaces/{space}/runs/new", "new-run",
                [new("Form.Pilot", agent), new("Form.Contacts", "name,contact_number\nA,+14155550100"), new("Form.When", "now")]),
        };
        Assert.All(forged, f => Assert.InRange((int)f.Status, 400, 403));

        // A form rendered for a member whose role then dropped to viewer: the page, rendered again for the post
        // with the current role, has no such form, so the post is refused and nothing moves.
        var demoted = await org.AddUserAsync(App, Podium.Data.Entities.Role.Member);
        using var member = await SignedInAsync(demoted);
        var (_, runPage, _) = await member.GetAsync($"{root}/spaces/{space}/runs/{run}");
        Assert.Contains(">Cancel<", runPage, StringComparison.Ordinal);
        var demote = await org.Client(App, org.Admin).PatchAsync($"{Prefix}/organizations/{org.Handle}/members/{demoted.Id}/",
            JsonContent.Create(new { role = "viewer" }));
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        var stale = await member.Http.PostAsync($"{root}/spaces/{space}/runs/{run}", new FormUrlEncodedContent(
            [new("_handler", "cancel"), new("__RequestVerificationToken", ConsoleUser.Token(runPage))]));
        Assert.InRange((int)stale.StatusCode, 400, 403);

        var admin = org.Client(App, org.Admin);
        var spaces = (await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully"))["data"]!.AsArray();
        Assert.DoesNotContain(spaces, s => s!["name"]!.GetValue<string>() == "Forged");
        Assert.Equal("pending", (await RunAsync(org, space, run))["status"]!.GetValue<string>());
        Assert.Single((await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/spaces/{space}/runs/"), "Runs Fetched Successfully"))["data"]!.AsArray());
    }

    [Fact]
    public async Task AFormWithoutItsAntiforgeryToken_IsRefused()
    {
        var org = await TestOrg.CreateAsync(App);
        using var admin = await SignedInAsync(org.Admin);
        var response = await admin.PostFormAsync($"/console/{org.Handle}/spaces", "create-space", [new("Form.Name", "No token")], withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var spaces = (await ApiAssert.Ok(await org.Client(App, org.Admin).GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully"))["data"]!.AsArray();
        Assert.Empty(spaces);
    }

    [Fact]
    public async Task AMember_RunsContactsThroughForms_AndTheChangesAreAudited()
    {
        var (org, space, agent) = await SetUpAsync();
        using var member = await SignedInAsync(org.Member);
        var root = $"/console/{org.Handle}/spaces/{space}";

        var invalid = await member.PostFormAsync($"{root}/runs/new", "new-run", [new("Form.Pilot", agent), new("Form.When", "now")]);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains("id=\"error-documents\"", invalid.Html, StringComparison.Ordinal);

        var badRow = await member.PostFormAsync($"{root}/runs/new", "new-run",
            [new("Form.Pilot", agent), new("Form.Contacts", "name,contact_number\nAda,+14155550100\nBob,not-a-number"), new("Form.When", "now")]);
        Assert.Equal(HttpStatusCode.BadRequest, badRow.Status);
        Assert.Contains("documents[1].contact_number", badRow.Html, StringComparison.Ordinal);

        var created = await member.PostFormAsync($"{root}/runs/new", "new-run",
            [new("Form.Pilot", agent), new("Form.Contacts", "name,contact_number\nAda,+14155550100\nBob,+14155550101\nCy,+14155550102"), new("Form.Context", "Say hello."), new("Form.When", "now")]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var runPage = created.Response.Headers.Location!.OriginalString;
        var runId = runPage.Split('/')[^1];
        await App.RunEngineAsync();

        var (status, html, _) = await member.GetAsync(runPage);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-count=\"completed\">3<", html, StringComparison.Ordinal);
        var taskLink = System.Text.RegularExpressions.Regex.Match(html, $"/console/{org.Handle}/spaces/{space}/tasks/[A-Za-z0-9]+").Value;
        var task = await member.GetAsync(taskLink);
        Assert.Contains("class=\"transcript\"", task.Html, StringComparison.Ordinal);
        Assert.Contains("Say hello.", task.Html, StringComparison.Ordinal);

        var scheduled = await member.PostFormAsync($"{root}/runs/new", "new-run",
            [new("Form.Pilot", agent), new("Form.Contacts", "[{\"name\": \"Di\", \"contact_number\": \"+14155550103\"}]"), new("Form.When", "custom"), new("Form.At", "2031-01-01T10:00")]);
        var second = scheduled.Response.Headers.Location!.OriginalString;
        var cancelled = await member.PostFormAsync(second, "cancel", []);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
        Assert.Equal("cancelled", (await RunAsync(org, space, second.Split('/')[^1]))["status"]!.GetValue<string>());

        var audit = (await ApiAssert.Ok(await org.Client(App, org.Admin).GetAsync($"{Prefix}/audit-log/?target_type=run"), "Audit log fetched successfully"))["data"]!.AsArray();
        var entry = Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "run.cancel");
        Assert.Equal(org.Member.Email, entry!["user"]!["email"]!.GetValue<string>());
        Assert.NotEqual(runId, second.Split('/')[^1]);
    }

    [Fact]
    public async Task AnAdmin_EditsASpace_WithTheApisValidation()
    {
        var (org, space, _) = await SetUpAsync();
        using var admin = await SignedInAsync(org.Admin);
        var page = $"/console/{org.Handle}/spaces/{space}";

        using (var member = await SignedInAsync(org.Member))
        {
            var (status, html, _) = await member.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain("Edit space", html, StringComparison.Ordinal);
        }
        Assert.Contains("Edit space", (await admin.GetAsync(page)).Html, StringComparison.Ordinal);

        var invalid = await admin.PostFormAsync(page, "edit-space", [new("Edit.Name", "Renamed"), new("Edit.MaxConcurrency", "0")]);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains("id=\"error-max_concurrency\"", invalid.Html, StringComparison.Ordinal);

        var saved = await admin.PostFormAsync(page, "edit-space", [new("Edit.Name", "Renamed"), new("Edit.MaxConcurrency", "7"), new("Edit.Privacy", "Private")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var updated = (await ApiAssert.Ok(await org.Client(App, org.Admin).GetAsync($"{Prefix}/spaces/{space}/"), "Space fetched successfully"))["data"]!;
        Assert.Equal(("Renamed", 7, "private"), (updated["name"]!.GetValue<string>(), updated["max_concurrency"]!.GetValue<int>(), updated["privacy_type"]!.GetValue<string>()));

        // The space is now private: a member who is not one of its members no longer finds it.
        using var outsider = await SignedInAsync(org.Member);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(page)).Status);
    }

    [Fact]
    public async Task TheStylesheetAndScript_AreServedFromTheExecutable()
    {
        using var browser = NewUser();
        var (_, html, _) = await browser.GetAsync("/console/sign-in");
        var assets = System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"(/console/assets/[^\"]+\\.(?:css|js))\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, assets.Count);
        foreach (var asset in assets)
        {
            var response = await browser.Http.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {response.StatusCode} {response.Headers.Location}");
            Assert.StartsWith(asset.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            Assert.True((await response.Content.ReadAsStringAsync()).Length > 500);
        }
    }

    [Fact]
    public async Task APrivateSpace_IsNotFound_ForNonMembers_ThroughAnyConsoleUrl()
    {
        var (org, _, _) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var space = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/spaces/", new { name = "Secret", content_type = "contact", privacy_type = "private" }),
            HttpStatusCode.Created))["data"]!["token"]!.GetValue<string>();
        var agent = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "Bound", state = "published", space_token = space, simulation = new { latency_ms = 0 } }),
            HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();
        var run = (await ApiAssert.Ok(await admin.PostJson($"{Prefix}/spaces/{space}/tasks/create/",
            new { pilot = agent, documents = new[] { new { name = "Secret Person", contact_number = "+14155559876" } } }), "Task Created Successfully"))["data"]!;
        await App.RunEngineAsync();
        var (runId, taskId) = (run["run_id"]!.GetValue<string>(), run["task_ids"]![0]!.GetValue<string>());
        var root = $"/console/{org.Handle}";

        foreach (var outsider in new[] { org.Viewer, org.Member })
        {
            using var browser = await SignedInAsync(outsider);
            foreach (var url in new[] { $"spaces/{space}", $"spaces/{space}/runs/new", $"spaces/{space}/runs/{runId}", $"spaces/{space}/runs/{runId}/progress", $"spaces/{space}/tasks/{taskId}", $"agents/{agent}" })
            {
                var (status, _, _) = await browser.GetAsync($"{root}/{url}");
                Assert.True(status == HttpStatusCode.NotFound, $"{url} answered {status}");
            }
            foreach (var page in new[] { "spaces", "agents", "analytics", "telephony" })
            {
                var html = (await browser.GetAsync($"{root}/{page}")).Html;
                foreach (var secret in new[] { space, agent, runId, taskId, "Secret Person", "+14155559876" })
                    Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task ACookieNamingAnotherUsersKey_IsSignedOut()
    {
        var org = await TestOrg.CreateAsync(App);
        int keyOfViewer;
        await using (var scope = App.Scope(out var db))
            keyOfViewer = await db.ApiKeys.Where(k => k.UserId == org.Viewer.Id).Select(k => k.Id).SingleAsync();
        // A ticket naming the viewer's key but the admin's user, as a stolen or forged cookie would.
        var options = App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(Podium.Server.WebConsole.ConsoleAuth.Scheme);
        var principal = Podium.Server.WebConsole.ConsoleAuth.Principal(new Podium.Server.Auth.ValidKey(keyOfViewer, org.Admin.Id, "pdm_forged"));
        var cookie = options.TicketDataFormat.Protect(new AuthenticationTicket(principal, Podium.Server.WebConsole.ConsoleAuth.Scheme));
        using var browser = NewUser();
        browser.Cookies.Add(App.Client().BaseAddress!, new System.Net.Cookie(Podium.Server.WebConsole.ConsoleAuth.CookieName, cookie, "/console"));

        var (status, _, response) = await browser.GetAsync($"/console/{org.Handle}/keys");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/console/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryConsoleAnswer_CarriesItsSecurityHeaders()
    {
        var (org, space, _, run, task) = await FinishedRunAsync();
        using var browser = await SignedInAsync(org.Admin);
        foreach (var page in new[] { "/console/sign-in", $"/console/{org.Handle}/spaces", $"/console/{org.Handle}/spaces/{space}/runs/{run}", $"/console/{org.Handle}/spaces/{space}/tasks/{task}", $"/console/{org.Handle}/nowhere" })
        {
            var (_, _, response) = await browser.GetAsync(page);
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
        Assert.Equal("nosniff", (await App.Client().GetAsync($"{Prefix}/organizations/")).Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task TheTaskPage_RendersAnAgentOutputOfAnyShape()
    {
        var output = new JsonObject
        {
            ["transcript"] = "Agent: hello. Contact: not now.",
            ["post_call_data"] = new JsonArray("interested", 3),
            ["summary"] = new JsonObject { ["short"] = "brief" },
            ["duration"] = "a while",
        };
        await using var agent = await LoopbackServer.StartAsync(a => a.MapPost("/agent", () => Results.Json(new JsonObject { ["output"] = output.DeepClone() })));
        var (org, space, _) = await SetUpAsync();
        var handle = (await ApiAssert.Envelope(await org.Client(App, org.Admin).PostJson($"{Prefix}/agents/",
            new { name = "Odd", state = "published", runtime = new { type = "webhook", url = $"{LoopbackServer.Address(agent)}/agent" } }), HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();
        var run = await CreateRunAsync(org, space, new { pilot = handle, documents = new[] { new { name = "Ada", contact_number = "+14155550100", extra = new[] { 1, 2 } } } });
        await App.RunEngineAsync();
        var task = (await TasksAsync(org, space, run))[0]!["task_id"]!.GetValue<string>();
        using var browser = await SignedInAsync(org.Member);

        var (status, html, _) = await browser.GetAsync($"/console/{org.Handle}/spaces/{space}/tasks/{task}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Agent: hello. Contact: not now.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/console/{org.Handle}/spaces/{space}/runs/{run}")).Status);
    }

    [Fact]
    public async Task TheTelephonyPage_ShowsTrunksAndVoiceProfiles_NeverATrunkPassword()
    {
        var (org, _, _) = await SetUpAsync();
        var api = org.Client(App, org.Admin);
        await ApiAssert.Envelope(await api.PostJson($"{Prefix}/telephony/trunks/", new { name = "Carrier One", sip_url = "sip:sip.one.example", auth_username = "acme", auth_password = "console-pass-91c2" }), HttpStatusCode.Created);
        await ApiAssert.Envelope(await api.PostJson($"{Prefix}/voice-profiles/", new { name = "Asha", language = "hi-IN", tts_provider = "elevenlabs", tts_voice = "voice_asha", estimated_cost_per_min_usd = 0.12m }), HttpStatusCode.Created);
        using var viewer = await SignedInAsync(org.Viewer);
        var (status, html, _) = await viewer.GetAsync($"/console/{org.Handle}/telephony");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Carrier One", html, StringComparison.Ordinal);
        Assert.Contains("sip:sip.one.example", html, StringComparison.Ordinal);
        Assert.Contains("voice_asha", html, StringComparison.Ordinal);
        Assert.Contains("$0.12", html, StringComparison.Ordinal);
        Assert.DoesNotContain("console-pass-91c2", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPage_Renders_ForAnAdmin()
    {
        var (org, space, agent, run, task) = await FinishedRunAsync();
        await ApiAssert.Envelope(await org.Client(App, org.Admin).PostJson($"{Prefix}/webhooks/", new { url = "https://example.test/hook" }), HttpStatusCode.Created);
        using var admin = await SignedInAsync(org.Admin);
        var root = $"/console/{org.Handle}";
        foreach (var page in new[] { "spaces", $"spaces/{space}", $"spaces/{space}/runs/new", $"spaces/{space}/runs/{run}", $"spaces/{space}/runs/{run}?status=completed",
                     $"spaces/{space}/tasks/{task}", "agents", $"agents/{agent}", "webhooks", "telephony", "analytics", "keys" })
        {
            var (status, html, _) = await admin.GetAsync($"{root}/{page}");
            Assert.True(status == HttpStatusCode.OK, $"{page}: {status}");
            Assert.Contains("<main id=\"main\">", html, StringComparison.Ordinal);
        }
        var progress = JsonNode.Parse((await admin.GetAsync($"{root}/spaces/{space}/runs/{run}/progress")).Html)!;
        Assert.True(progress["finished"]!.GetValue<bool>());
        Assert.Equal(2, progress["completed"]!.GetValue<int>());
    }
}

public sealed class ConsoleTestsOnSqlite(EngineApp<Sqlite> app) : ConsoleTests<Sqlite>(app);

public sealed class ConsoleTestsOnPostgres(EngineApp<Postgres> app) : ConsoleTests<Postgres>(app);
