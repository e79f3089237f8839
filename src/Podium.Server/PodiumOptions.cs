using System.ComponentModel.DataAnnotations;

namespace Podium.Server;

/// <summary>The server's own settings, under the <c>Podium</c> configuration section.</summary>
public sealed class PodiumOptions
{
    /// <summary>Create demo data (and print its key) when the database is empty. <c>--no-demo</c> turns it off.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>Largest request body accepted, in bytes; larger bodies get 413.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The URL agents and users reach this server at (for callback URLs); the listening address when unset.</summary>
    [Url]
    public string? PublicUrl { get; set; }
}
