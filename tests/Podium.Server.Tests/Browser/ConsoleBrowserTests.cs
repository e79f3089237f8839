using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Podium.Server.Tests.Browser;

/// <summary>
/// The console in a real browser: the operator's path from sign-in to a finished run's transcript, a
/// cancelled run, a revoked key refused at sign-in; every main page is saved as a screenshot.
/// </summary>
public sealed class ConsoleBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, $"{name}.png"), FullPage = true });

    private async Task<IPage> SignedInAsync(string key)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/console");
        await Expect(page).ToHaveURLAsync(new Regex("/console/sign-in"));
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/console/{app.Demo.OrgHandle}/spaces$"));
        return page;
    }

    [Fact]
    public async Task AnOperator_CreatesASpace_UploadsContacts_RunsThem_AndReadsATranscript()
    {
        Assert.SkipWhen(app.Unavailable is not null, app.Unavailable ?? "");
        var page = await SignedInAsync(app.Demo.Key);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Spaces" })).ToBeVisibleAsync();
        await ShotAsync(page, "01-spaces");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser outreach");
        await page.GetByLabel("Holds").SelectOptionAsync("contact");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create space" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Browser outreach" })).ToBeVisibleAsync();

        var csv = new StringBuilder("name,contact_number,labels\n");
        for (var i = 1; i <= 20; i++) csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Person {i},+1415555{i:0000},browser\n");
        await page.GetByLabel("Add contacts from a CSV file").SetInputFilesAsync(new FilePayload { Name = "contacts.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported: 20 new");
        await Expect(page.GetByText("(20 documents)")).ToBeVisibleAsync();
        await ShotAsync(page, "02-space");

        await page.GetByRole(AriaRole.Link, new() { Name = "New run" }).ClickAsync();
        await page.GetByLabel("Agent", new() { Exact = true }).SelectOptionAsync(app.Demo.AgentHandle);
        await page.GetByLabel("…or take the collection's documents with any of these labels").FillAsync("browser");
        await page.GetByLabel("Context for the agent").FillAsync("Confirm the appointment for Friday.");
        await ShotAsync(page, "03-new-run");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start run" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Run ") })).ToBeVisibleAsync();

        // The page follows the run live and reloads once it is finished.
        await Expect(page.Locator("[data-count=status]")).ToHaveTextAsync("completed", new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-count=completed]")).ToHaveTextAsync("20");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(20);
        await Expect(page.Locator("svg.progress rect.done")).ToHaveAttributeAsync("width", "100");
        Assert.Empty(app.PolicyViolations);
        await ShotAsync(page, "04-run");

        await page.GetByLabel("Status").SelectOptionAsync("completed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(20);

        await page.Locator("tbody tr a").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Transcript" })).ToBeVisibleAsync();
        await Expect(page.Locator(".transcript li").First).ToContainTextAsync("Hello");
        await Expect(page.Locator(".transcript")).ToContainTextAsync("Confirm the appointment for Friday.");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Summary" })).ToContainTextAsync("The agent reached");
        await ShotAsync(page, "05-task");

        // At a narrow width the run page still works.
        await page.SetViewportSizeAsync(390, 844);
        await page.GoBackAsync();
        await Expect(page.Locator("[data-count=status]")).ToHaveTextAsync("completed");
        // Nothing but the tasks table (which scrolls in its own box) is wider than the window.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        await ShotAsync(page, "06-run-narrow");
    }

    [Fact]
    public async Task AScheduledRun_IsCancelledFromItsPage()
    {
        Assert.SkipWhen(app.Unavailable is not null, app.Unavailable ?? "");
        var page = await SignedInAsync(app.Demo.Key);
        await page.GotoAsync($"/console/{app.Demo.OrgHandle}/spaces/{app.Demo.SpaceToken}/runs/new");
        await page.GetByLabel("Contacts: paste CSV").FillAsync("name,contact_number\nLater One,+14155550901\nLater Two,+14155550902");
        await page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("At \\(in") }).CheckAsync();
        await page.GetByLabel("Start at").FillAsync("2031-01-06T10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start run" }).ClickAsync();
        await Expect(page.Locator("[data-count=pending]")).ToHaveTextAsync("2");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.Locator("[data-count=status]")).ToHaveTextAsync("cancelled");
        await Expect(page.Locator("[data-count=cancelled]")).ToHaveTextAsync("2");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToHaveCountAsync(0);
        await ShotAsync(page, "07-run-cancelled");
    }

    [Fact]
    public async Task ARevokedKey_IsRefusedAtSignIn()
    {
        Assert.SkipWhen(app.Unavailable is not null, app.Unavailable ?? "");
        var admin = await SignedInAsync(app.Demo.Key);
        await admin.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        await admin.GetByLabel("Name").FillAsync("short-lived");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var key = (await admin.Locator("[data-new-key]").TextContentAsync())!.Trim();
        Assert.StartsWith("pdm_", key, StringComparison.Ordinal);
        await ShotAsync(admin, "08-keys");

        var other = await SignedInAsync(key);
        await other.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        var row = other.Locator("tr", new() { HasText = "in use by this session" });
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke") }).ClickAsync();
        await Expect(other).ToHaveURLAsync(new Regex("/console/sign-in"));

        await other.GetByLabel("API key").FillAsync(key);
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid");
        await ShotAsync(other, "09-sign-in-refused");

        // The other sessions of the same user keep working.
        await admin.ReloadAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Your API keys" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheOtherPages_Render_AndAreSaved()
    {
        Assert.SkipWhen(app.Unavailable is not null, app.Unavailable ?? "");
        var page = await SignedInAsync(app.Demo.Key);
        foreach (var (section, heading) in new[] { ("agents", "Agents"), ("webhooks", "Event webhooks"), ("telephony", "Telephony"), ("analytics", "Analytics") })
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = heading.Split(' ')[^1] == "webhooks" ? "Webhooks" : heading }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
            await ShotAsync(page, $"10-{section}");
        }
        await page.GotoAsync($"/console/{app.Demo.OrgHandle}/agents/{app.Demo.AgentHandle}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeVisibleAsync();
        await ShotAsync(page, "11-agent");

        // Keyboard: the skip link is the first stop and leads to the content.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        Assert.Empty(app.PolicyViolations);
    }
}
