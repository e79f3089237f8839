using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Podium.Server.Tests.Sdk;

/// <summary>
/// Requests exactly as the official Unpod Python SDK (0.2.1, over httpx) puts them on the wire: <c>Token</c>
/// auth with <c>Org-Handle</c>, <c>Content-Type: application/json</c> on every request (GET, DELETE and
/// body-less POSTs too, those with <c>Content-Length: 0</c>), a fresh <c>X-Request-Id</c>, httpx's
/// defaults; no redirect is followed. Answers are unwrapped as the SDK's <c>unwrap_data</c> does.
/// </summary>
public sealed class SdkTransport(HttpClient client, string token, string orgHandle)
{
    public const string Platform = "/api/v2/platform";

    public async Task<SdkAnswer> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", $"Token {token}");
        request.Headers.TryAddWithoutValidation("Org-Handle", orgHandle);
        request.Headers.TryAddWithoutValidation("X-Request-Id", Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("Accept", "*/*");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate");
        request.Headers.TryAddWithoutValidation("User-Agent", "python-httpx/0.27.0");
        request.Headers.TryAddWithoutValidation("Connection", "keep-alive");
        request.Content = new ByteArrayContent(body is null ? [] : Encoding.UTF8.GetBytes(body.ToJsonString()));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new SdkAnswer((int)response.StatusCode, text);
    }

    public Task<SdkAnswer> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<SdkAnswer> PostAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Post, path, body);

    public Task<SdkAnswer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);
}

/// <summary>An answer as the SDK sees it: only a 2xx succeeds (3xx included in the failures), and its body must parse.</summary>
public sealed record SdkAnswer(int Status, string Text)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The parsed body, or <c>{}</c> for 204 or an empty body.</summary>
    public JsonNode Body()
    {
        Assert.True(Succeeded, $"The SDK raises on HTTP {Status}: {Text}");
        return Status == 204 || Text.Length == 0 ? new JsonObject() : JsonNode.Parse(Text)!;
    }

    /// <summary><c>unwrap_data</c>: <c>data</c> when it is an object or array and the body has one key, <c>status_code</c> or <c>message</c>.</summary>
    public static JsonNode? Unwrap(JsonNode? body) =>
        body is JsonObject o && o["data"] is JsonObject or JsonArray && (o.Count == 1 || o.ContainsKey("status_code") || o.ContainsKey("message"))
            ? o["data"]
            : body;

    /// <summary>What a parsing method hands its model: unwrapped once (voice profiles: twice).</summary>
    public JsonNode? Data(int unwraps = 1)
    {
        var data = Body();
        for (var i = 0; i < unwraps; i++) data = Unwrap(data)!;
        return data;
    }
}
