using System.Security.Cryptography;

namespace Podium.Server.WebConsole;

/// <summary>
/// The console's stylesheet and script, compiled into the executable (no wwwroot to deploy, no CDN) and
/// served under a content hash, so browsers may cache them for good and still see every new version.
/// </summary>
public sealed class ConsoleAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new()
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    };

    private readonly Dictionary<string, (byte[] Bytes, string Hash, string ContentType)> _files = [];

    public ConsoleAssets()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        foreach (var name in new[] { "console.css", "console.js" })
        {
            using var stream = assembly.GetManifestResourceStream($"Podium.Server.WebConsole.Assets.{name}")
                ?? throw new InvalidOperationException($"The console asset {name} is not embedded.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            _files[name] = (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))[..12], ContentTypes[Path.GetExtension(name)]);
        }
    }

    /// <summary>The URL of an asset, with its hash in the path.</summary>
    public string Url(string name) => $"/console/assets/{_files[name].Hash}/{name}";

    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/console/assets/{hash}/{name}", (string hash, string name, HttpContext context) =>
        {
            if (!_files.TryGetValue(name, out var file) || file.Hash != hash) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(file.Bytes, file.ContentType);
        }).AllowAnonymous().ExcludeFromDescription().DisableRateLimiting();
}
