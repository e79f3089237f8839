using System.Text.Json.Nodes;

namespace Podium.Server.Tests.Infrastructure;

/// <summary>The repository the tests run from: its root is the first folder up from the test binaries holding Podium.slnx.</summary>
public static class Repository
{
    public static string? TryRoot { get; } = Find();

    public static string Root => TryRoot ?? throw new InvalidOperationException("Repository root not found.");

    /// <summary>The committed OpenAPI document, docs/openapi.json.</summary>
    public static string OpenApiPath => Path.Combine(Root, "docs", "openapi.json");

    public static JsonNode OpenApiDocument() => JsonNode.Parse(File.ReadAllText(OpenApiPath))!;

    private static string? Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Podium.slnx"))) folder = folder.Parent;
        return folder?.FullName;
    }
}
