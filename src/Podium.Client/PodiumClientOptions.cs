namespace Podium.Client;

/// <summary>Where the server is and who is calling. Bind it from configuration or set it in code.</summary>
public sealed class PodiumClientOptions
{
    /// <summary>The server's address, e.g. <c>http://127.0.0.1:8000</c>; the API path is added by the client.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>An API key, sent as <c>Authorization: Token &lt;key&gt;</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The organization (its domain handle) sent as <c>Org-Handle</c>; change it per call with <see cref="PodiumClient.ForOrganization"/>.</summary>
    public string? OrgHandle { get; set; }

    /// <summary>Retries after a 429, a 5xx or a network failure (0 turns them off). Retry-After is honoured.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Wait before the first retry when the server names none; it doubles, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time allowed for one attempt of one request.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri)
            throw new InvalidOperationException("PodiumClientOptions.BaseUrl must be an absolute URL, e.g. http://127.0.0.1:8000.");
        if (string.IsNullOrWhiteSpace(ApiKey))
            throw new InvalidOperationException("PodiumClientOptions.ApiKey is required.");
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
    }
}
