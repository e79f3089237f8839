using Microsoft.Extensions.Configuration.Memory;

namespace Podium.Server;

/// <summary>
/// What the server (and the admin commands) start from, whatever folder they are started in: the
/// application's own folder as content root, so <c>appsettings.json</c> and the default SQLite database
/// beside the executable are found; and built-in defaults under every configuration source, so a missing
/// <c>appsettings.json</c> never means logging every SQL command.
/// </summary>
public static class StartupDefaults
{
    private static readonly string[] ContentRootVariables = ["ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT"];

    /// <summary>The lowest-priority settings: any configuration source (appsettings.json, environment, flags) overrides them.</summary>
    private static readonly Dictionary<string, string?> BuiltIn = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
    };

    /// <summary>The application's folder, unless the command line or the environment names a content root.</summary>
    public static string? ContentRoot(string[] args)
    {
        var named = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || ContentRootVariables.Any(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)));
        return named ? null : AppContext.BaseDirectory;
    }

    public static void AddBuiltInDefaults(this IConfigurationManager configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = BuiltIn });

    /// <summary>
    /// Human-readable lines in a terminal, JSON lines when the output goes to a file, a pipe or a log
    /// collector; <c>Logging:Console:FormatterName</c> (<c>simple</c>, <c>json</c>, <c>systemd</c>) decides when set.
    /// </summary>
    public static void ChooseLogFormat(this ILoggingBuilder logging, IConfiguration configuration)
    {
        if (!string.IsNullOrEmpty(configuration["Logging:Console:FormatterName"])) return;
        if (Console.IsOutputRedirected) logging.AddJsonConsole(o => o.IncludeScopes = true);
        else logging.AddSimpleConsole(o => o.IncludeScopes = true);
    }
}
