using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Podium.Server.Engine;

namespace Podium.Server.Tests.Infrastructure;

/// <summary>
/// The server on a fake clock with its engine loop off: a test moves time and runs the engine
/// itself (<see cref="RunEngineAsync"/>), then asserts on what the API and the database say.
/// </summary>
public class EngineApp<TDb> : PodiumApp<TDb> where TDb : TestDatabase, new()
{
    /// <summary>Monday 7 December 2026, 10:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The bearer token this app serves <c>/metrics</c> to.</summary>
    public const string MetricsToken = "test-metrics-token-0123456789";

    /// <summary>A client that may scrape <c>/metrics</c>.</summary>
    public HttpClient MetricsClient()
    {
        var client = Client();
        client.DefaultRequestHeaders.Add("Authorization", $"Bearer {MetricsToken}");
        return client;
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Engine:Enabled", "false");
        builder.UseSetting("Metrics:Token", MetricsToken);
        // Record spans without an exporter, so tests can watch them.
        builder.UseSetting("OpenTelemetry:Tracing", "true");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>Claims and runs tasks until nothing is due at the current fake time.</summary>
    public Task RunEngineAsync() => Services.GetRequiredService<Dispatcher>().RunUntilIdleAsync();

    /// <summary>
    /// Moves the clock to the next Monday 10:00 UTC and returns it. Tests of one class share the
    /// app and its clock, which only goes forward; each clock-minded test starts from here.
    /// </summary>
    public async Task<DateTime> NextMondayAsync()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var monday = now.Date.AddDays(((int)DayOfWeek.Monday - (int)now.DayOfWeek + 7) % 7).AddHours(10);
        if (monday <= now) monday = monday.AddDays(7);
        await AdvanceAsync(monday - now);
        return monday;
    }

    /// <summary>Moves the clock, then runs what became due.</summary>
    public Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return RunEngineAsync();
    }
}

/// <summary>An engine app at the production default: no outbound request may reach a private or loopback address.</summary>
public sealed class PublicOnlyEngineApp<TDb> : EngineApp<TDb> where TDb : TestDatabase, new()
{
    protected override bool AllowPrivateNetworks => false;
}

/// <summary>The engine app with every log line captured, down to Trace, for tests that read the logs of calls.</summary>
public sealed class LoggedEngineApp<TDb> : EngineApp<TDb> where TDb : TestDatabase, new()
{
    public LogCapture Logs { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace)
            .AddFilter<LogCapture>(null, LogLevel.Trace));
    }
}
