using Microsoft.Playwright;
using Podium.Server.Storage;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Browser;

/// <summary>
/// The real server (real engine, real clock, SQLite) with the first run's demo data, and a headless
/// Chromium driven by Playwright. The browser is the machine's own Chromium (Debian's package, which CI
/// installs); set PODIUM_CHROMIUM to use another. Without one the browser tests are skipped.
/// </summary>
public sealed class BrowserApp : PodiumApp<Sqlite>
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public DemoCredentials Demo { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string? Unavailable { get; private set; }

    /// <summary>Where the tests leave their screenshots: artifacts/screenshots (ignored by git).</summary>
    public static string ScreenshotFolder => Path.Combine(Repository.TryRoot ?? Path.GetTempPath(), "artifacts", "screenshots");

    public override async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("PODIUM_CHROMIUM") is { Length: > 0 } given ? given : Candidates.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            Unavailable = "No Chromium found (install Debian's chromium or set PODIUM_CHROMIUM).";
            return;
        }
        await base.InitializeAsync();
        await using (var scope = Scope(out _))
            Demo = await DemoSeeder.SeedAsync(scope.ServiceProvider, default);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        Browser = await Playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public System.Collections.Concurrent.ConcurrentQueue<string> PolicyViolations { get; } = new();

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Client().BaseAddress!.ToString(), ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        // Destructive buttons ask for confirmation; the tests say yes.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        // Anything the content security policy refused would be a part of a page that does not work.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) PolicyViolations.Enqueue($"{page.Url}: {message.Text}");
        };
        return page;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        await base.DisposeAsync();
    }
}
