using System.Net;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.WebConsole;

/// <summary>Whatever a URL or a form carries, the console answers with a page or a 4xx, never a 500.</summary>
public abstract class ConsoleInputTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    [Fact]
    public async Task OddQueryStringsAndPaths_AreNeverA500()
    {
        var (org, space, agent) = await SetUpAsync();
        var run = await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(2) });
        var hook = (await ApiAssert.Envelope(await org.Client(App, org.Admin).PostJson($"{Prefix}/webhooks/", new { url = "https://example.test/hook" }), HttpStatusCode.Created))["data"]!["id"]!;
        using var admin = new ConsoleUser(App.Client().BaseAddress!);
        await admin.SignInAsync(org.Admin.Key);
        var root = $"/console/{org.Handle}";

        string[] urls =
        [
            $"{root}/spaces/{space}?runs=abc", $"{root}/spaces/{space}?runs=2147483647", $"{root}/spaces/{space}?runs=-3",
            $"{root}/spaces/{space}?q=%27%20OR%201%3D1%20--", $"{root}/spaces/{space}?q=%00%FF",
            $"{root}/spaces/{space}/runs/{run}?page=abc", $"{root}/spaces/{space}/runs/{run}?page=99999999999", $"{root}/spaces/{space}/runs/{run}?page=2147483647",
            $"{root}/spaces/{space}/runs/{run}?status=zzz", $"{root}/spaces/{space}/runs/{run}?status=", $"{root}/spaces/{space}/runs/{run}?status=0",
            $"{root}/webhooks/{hook}?page=2147483647", $"{root}/webhooks/2147483648", $"{root}/agents/%2e%2e",
            $"{root}/spaces/%20", $"/console/%00/spaces", $"/console/{new string('a', 3000)}/spaces", $"{root}/spaces/{space}/tasks/%FF",
            "/console/switch?org=%2F%2Fevil.example", "/console/assets/000000000000/console.css", "/console/assets/x/../../appsettings.json",
        ];
        foreach (var url in urls)
        {
            var (status, _, response) = await admin.GetAsync(url);
            Assert.True((int)status < 500, $"{url}: {status}");
            if (response.Headers.Location is { } location)
                Assert.True(location.IsAbsoluteUri ? location.Host == "127.0.0.1" || location.Host == "localhost" : location.OriginalString.StartsWith('/') && !location.OriginalString.StartsWith("//", StringComparison.Ordinal), $"{url} redirects to {location}");
        }
    }

    [Fact]
    public async Task JunkInForms_IsAValidationAnswer_NeverA500()
    {
        var (org, space, agent) = await SetUpAsync();
        using var admin = new ConsoleUser(App.Client().BaseAddress!);
        await admin.SignInAsync(org.Admin.Key);
        var root = $"/console/{org.Handle}";

        var posts = new (string Page, string Form, KeyValuePair<string, string>[] Fields)[]
        {
            ($"{root}/spaces", "create-space", [new("Form.Name", ""), new("Form.MaxConcurrency", "abc")]),
            ($"{root}/spaces", "create-space", [new("Form.Name", new string('x', 5000)), new("Form.ContentType", "nonsense")]),
            ($"{root}/spaces/{space}/runs/new", "new-run", [new("Form.Pilot", agent), new("Form.Contacts", "name,contact_number\nA,+14155550100"), new("Form.When", "custom"), new("Form.At", "not a date")]),
            ($"{root}/spaces/{space}/runs/new", "new-run", [new("Form.Pilot", "no-such-agent"), new("Form.Contacts", "[{\"name\": 1}, 2, null]"), new("Form.When", "now")]),
            ($"{root}/spaces/{space}/runs/new", "new-run", [new("Form.Pilot", agent), new("Form.Contacts", "\"unterminated"), new("Form.Labels", ",,,")]),
            ($"{root}/agents/{agent}", "agent-settings", [new("Form.TimeoutSeconds", "-5"), new("Form.From", "25:00"), new("Form.To", "x"), new("Form.MaxAttempts", "99999999999")]),
            ($"{root}/agents", "create-agent", [new("Form.Name", "W"), new("Form.Runtime", "webhook"), new("Form.Url", "ftp://nope")]),
            ($"{root}/keys", "create-key", [new("Form.ExpiresInDays", "-1")]),
            ($"{root}/webhooks", "create-webhook", [new("Form.Url", "javascript:alert(1)")]),
        };
        foreach (var (page, form, fields) in posts)
        {
            var (status, html, _) = await admin.PostFormAsync(page, form, fields);
            Assert.True((int)status is >= 400 and < 500, $"{form} on {page}: {status}");
            Assert.Contains("<main id=\"main\">", html, StringComparison.Ordinal);
        }
    }
}

public sealed class ConsoleInputTestsOnSqlite(EngineApp<Sqlite> app) : ConsoleInputTests<Sqlite>(app);

public sealed class ConsoleInputTestsOnPostgres(EngineApp<Postgres> app) : ConsoleInputTests<Postgres>(app);
