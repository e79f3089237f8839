using System.ComponentModel.DataAnnotations;

namespace Podium.Server.Observability;

/// <summary>
/// Where <c>/metrics</c> is served, under <c>Metrics</c>. Not at all by default: the scrape shows the
/// server's inner workings, so it is on a management port of its own, or behind a bearer token.
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>A port that serves <c>/metrics</c> and nothing else (and where the API is not served).</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    /// <summary>The address the management port listens on; loopback unless the scraper is elsewhere.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>A token the scraper sends as <c>Authorization: Bearer &lt;token&gt;</c> to read <c>/metrics</c> on the API's own port.</summary>
    [MinLength(16)]
    public string? Token { get; set; }

    public bool Served => Port is not null || !string.IsNullOrEmpty(Token);

    public string? Url => Port is { } port ? $"http://{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{port}" : null;
}
