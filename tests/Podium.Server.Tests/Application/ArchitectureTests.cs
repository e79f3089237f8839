using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Application;

/// <summary>The house rules that keep one operation in one place, checked on the running server and its sources.</summary>
public sealed partial class ArchitectureTests(PodiumApp<Sqlite> app) : IClassFixture<PodiumApp<Sqlite>>
{
    [Fact]
    public void NoConsolePage_CallsAnApiEndpointClass()
    {
        var console = Path.Combine(Repository.Root, "src", "Podium.Server", "WebConsole");
        var offenders = Directory.EnumerateFiles(console, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => EndpointClass().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();
        Assert.True(offenders.Count == 0, "Console code calls endpoint classes (call the operation or the feature's reader instead):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void NoApiHandler_TakesMoreThanFiveParameters()
    {
        var handlers = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Select(e => (Route: e.RoutePattern.RawText!, Method: e.Metadata.OfType<MethodInfo>().FirstOrDefault()))
            .Where(h => h.Method is not null)
            .ToList();
        Assert.True(handlers.Count > 50, $"only {handlers.Count} handlers found");
        static string Name(MethodInfo method) => $"{method.DeclaringType?.Name}.{method.Name}";
        var wide = handlers.Where(h => h.Method!.GetParameters().Length > 5).Select(h => Name(h.Method!)).Order().ToList();
        Assert.True(wide.Count == 0, "Handlers with more than 5 parameters (bundle services with [AsParameters] or an operation's context):\n" + string.Join('\n', wide));
    }

    /// <summary><c>SpaceEndpoints.Create(</c> and the like; the console's own <c>ConsoleEndpoints</c> is its routing, not the API's.</summary>
    [GeneratedRegex(@"\b(?!Console)[A-Z]\w*Endpoints?\.[A-Z]\w*\(")]
    private static partial Regex EndpointClass();
}
