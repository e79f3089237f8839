using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Podium.Client;

/// <summary>
/// Sends one API request: adds the key and organization headers, unwraps the
/// <c>{status_code, message, data, count}</c> envelope, and turns refusals into typed exceptions.
/// </summary>
internal sealed class PodiumHttp(HttpClient http, PodiumClientOptions options, string? orgHandle)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const string ApiPath = "api/v2/platform/";
    private static readonly ProductInfoHeaderValue UserAgent = new("Podium.Client", typeof(PodiumHttp).Assembly.GetName().Version?.ToString(3));

    public HttpClient Client => http;
    public PodiumClientOptions Options => options;
    public string? OrgHandle => orgHandle;

    public PodiumHttp WithOrganization(string handle) => new(http, options, handle);

    public Task<T> GetAsync<T>(string path, Query? query, CancellationToken ct) =>
        SendAsync<T>(HttpMethod.Get, path, query, content: null, ct);

    public Task<T> SendJsonAsync<T>(HttpMethod method, string path, object body, CancellationToken ct) =>
        SendJsonAsync<T>(method, path, body, prepare: null, ct);

    public Task<T> SendJsonAsync<T>(HttpMethod method, string path, object body, Action<HttpRequestMessage>? prepare, CancellationToken ct) =>
        SendAsync<T>(method, path, null, JsonContent.Create(body, body.GetType(), options: PodiumJson.Options), prepare, ct);

    public Task<T> SendAsync<T>(HttpMethod method, string path, Query? query, HttpContent? content, CancellationToken ct) =>
        SendAsync<T>(method, path, query, content, prepare: null, ct);

    public async Task<T> SendAsync<T>(HttpMethod method, string path, Query? query, HttpContent? content, Action<HttpRequestMessage>? prepare, CancellationToken ct)
    {
        using var response = await SendRawAsync(method, path, query, content, prepare, ct);
        var envelope = await response.Content.ReadFromJsonAsync<Envelope<T>>(PodiumJson.Options, ct)
            ?? throw new PodiumApiException(response.StatusCode, "The server sent an empty body.", null, null);
        return envelope.Data ?? throw new PodiumApiException(response.StatusCode, "The server's answer has no data.", null, null);
    }

    /// <summary>A request whose answer has no body (204).</summary>
    public async Task SendAsync(HttpMethod method, string path, Query? query, CancellationToken ct)
    {
        using var response = await SendRawAsync(method, path, query, null, null, ct);
    }

    public async Task<Page<T>> GetPageAsync<T>(string path, Query? query, PageRequest? page, CancellationToken ct)
    {
        page ??= new PageRequest();
        // A copy: the same filters are reused for every page of a stream.
        var paged = new Query(query).Add("page", page.Page).Add("page_size", page.PageSize);
        using var response = await SendRawAsync(HttpMethod.Get, path, paged, null, null, ct);
        var envelope = await response.Content.ReadFromJsonAsync<Envelope<IReadOnlyList<T>>>(PodiumJson.Options, ct)
            ?? throw new PodiumApiException(response.StatusCode, "The server sent an empty body.", null, null);
        var items = envelope.Data ?? [];
        return new Page<T>(items, envelope.Count ?? items.Count, page.Page, page.PageSize);
    }

    /// <summary>Every row of a list, fetching the next page only when the caller reaches it.</summary>
    public async IAsyncEnumerable<T> ListAllAsync<T>(string path, Query? query, int pageSize, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var number = 1; ; number++)
        {
            var page = await GetPageAsync<T>(path, query, new PageRequest(number, pageSize), ct);
            foreach (var item in page.Items)
                yield return item;
            if (!page.HasMore) yield break;
        }
    }

    public async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method, string path, Query? query, HttpContent? content, Action<HttpRequestMessage>? prepare, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, Uri(path, query)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", options.ApiKey);
        if (orgHandle is not null) request.Headers.TryAddWithoutValidation("Org-Handle", orgHandle);
        request.Headers.UserAgent.Add(UserAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        prepare?.Invoke(request);

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if (response.IsSuccessStatusCode) return response;
        using (response)
            throw await ErrorAsync(response, ct);
    }

    private Uri Uri(string path, Query? query)
    {
        var root = options.BaseUrl!.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
        return new Uri(root, ApiPath + path + query);
    }

    private static async Task<PodiumApiException> ErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var retryAfter = response.Headers.RetryAfter is { } header
            ? header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null)
            : null;
        ErrorBody? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync<ErrorBody>(PodiumJson.Options, ct);
        }
        catch (JsonException)
        {
            // Not the API's envelope (a proxy's page, say): the status line is all there is.
        }
        catch (NotSupportedException)
        {
            // No JSON content type at all.
        }
        var requestId = body?.RequestId ?? (response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null);
        var message = string.IsNullOrEmpty(body?.Message) ? $"{(int)response.StatusCode} {response.ReasonPhrase}" : body.Message;
        return PodiumApiException.For(response.StatusCode, message, body?.Errors, requestId, retryAfter);
    }

    private sealed record Envelope<T>(int StatusCode, string Message, T Data, int? Count);

    private sealed record ErrorBody(int StatusCode, string? Message, Dictionary<string, string[]>? Errors, string? RequestId);
}

/// <summary>A query string built from the parameters that have a value.</summary>
internal sealed class Query
{
    private readonly List<string> _parts;

    public Query() => _parts = [];

    public Query(Query? copyOf) => _parts = copyOf is null ? [] : [.. copyOf._parts];

    public Query Add(string name, object? value)
    {
        var text = value switch
        {
            null => null,
            bool b => b ? "true" : "false",
            DateTimeOffset at => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Enum e => JsonSerializer.Serialize(e, e.GetType(), PodiumJson.Options).Trim('"'),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        if (!string.IsNullOrEmpty(text))
            _parts.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(text)}");
        return this;
    }

    public override string ToString() => _parts.Count == 0 ? "" : "?" + string.Join('&', _parts);
}
