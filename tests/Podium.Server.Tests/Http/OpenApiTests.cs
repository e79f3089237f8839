using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Http;

/// <summary>
/// The served OpenAPI document is the committed one (docs/openapi.json), and it covers every API
/// endpoint. After an API change, run the tests with PODIUM_UPDATE_OPENAPI=1 to rewrite the file.
/// </summary>
public sealed class OpenApiTests(PodiumApp<Sqlite> app) : IClassFixture<PodiumApp<Sqlite>>
{
    private static string CommittedPath => Repository.OpenApiPath;

    private async Task<JsonNode> ServedAsync()
    {
        var response = await app.Client().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task ServedDocument_IsTheCommittedOne()
    {
        var served = (await ServedAsync()).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("PODIUM_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(CommittedPath, served);
        Assert.True(File.Exists(CommittedPath), "docs/openapi.json is missing; run the tests with PODIUM_UPDATE_OPENAPI=1.");
        var committed = await File.ReadAllTextAsync(CommittedPath);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(committed), JsonNode.Parse(served)),
            "The served OpenAPI document differs from docs/openapi.json; run the tests with PODIUM_UPDATE_OPENAPI=1 and commit the result.");
    }

    [Fact]
    public async Task Document_CoversEveryApiEndpoint_WithItsErrorsAndAuth()
    {
        var document = await ServedAsync();
        var paths = document["paths"]!.AsObject();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: "/" + e.RoutePattern.RawText!.Trim('/'), Method: m.ToLowerInvariant())))
            .Distinct()
            .ToList();
        Assert.True(endpoints.Count > 50, $"only {endpoints.Count} endpoints found");
        foreach (var (path, method) in endpoints)
        {
            var key = System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}:]+)(:[^}]+)?\}", "{$1}");
            Assert.True(paths.ContainsKey(key) && paths[key]![method] is not null, $"{method.ToUpperInvariant()} {key} is not in the document");
            var operation = paths[key]![method]!;
            Assert.True(operation["responses"]!.AsObject().Any(r => r.Key.StartsWith('2')), $"{method} {key} has no success response");
            Assert.NotNull(operation["responses"]!["500"]);
            if (!key.EndsWith("/result", StringComparison.Ordinal))
            {
                Assert.NotNull(operation["responses"]!["401"]);
                Assert.NotNull(operation["security"]);
            }
        }
        Assert.Equal("apiKey", document["components"]!["securitySchemes"]!["Token"]!["type"]!.GetValue<string>());
        var create = paths["/api/v2/platform/spaces"]!["post"]!["responses"]!.AsObject();
        Assert.True(create.ContainsKey("201") && !create.ContainsKey("200"));
        var list = paths["/api/v2/platform/call-logs"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Org-Handle", list);
        Assert.Contains("page_size", list);
        Assert.Contains("call_status", list);
    }

    /// <summary>Client generators name their methods by operationId; people read the summary first.</summary>
    [Fact]
    public async Task EveryOperation_HasAUniqueId_AndAOneLineSummary()
    {
        var operations = (await ServedAsync())["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(m => m.Key is "get" or "post" or "patch" or "put" or "delete")
                .Select(m => (Name: $"{m.Key.ToUpperInvariant()} {path.Key}", Operation: m.Value!)))
            .ToList();
        Assert.True(operations.Count > 50, $"only {operations.Count} operations found");
        var unnamed = operations.Where(o => o.Operation["operationId"] is null).Select(o => o.Name).ToList();
        Assert.True(unnamed.Count == 0, "Operations without an operationId (add .Describe(id, summary) to the endpoint):\n" + string.Join('\n', unnamed));
        var ids = operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var unsummarized = operations.Where(o => o.Operation["summary"]?.GetValue<string>() is not { Length: > 0 and <= 80 } summary || summary.Contains('\n'))
            .Select(o => o.Name).ToList();
        Assert.True(unsummarized.Count == 0, "Operations without a one-line summary of at most 80 characters:\n" + string.Join('\n', unsummarized));
    }

    [Fact]
    public async Task ReferenceUi_IsServedWithoutAnyOutsideScript()
    {
        var client = app.Client();
        var page = await client.GetAsync("/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/swagger-ui-bundle.js")).StatusCode);
        var config = await (await client.GetAsync("/docs/index.js")).Content.ReadAsStringAsync();
        Assert.Contains("/openapi/v1.json", config, StringComparison.Ordinal);
    }
}
