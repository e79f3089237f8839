using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Podium.Server.Tests.Infrastructure;

/// <summary>Checks on the wire format: status, the envelope, and its exact message.</summary>
public static class ApiAssert
{
    public static async Task<JsonNode> Envelope(HttpResponseMessage response, HttpStatusCode status, string? message = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        var body = JsonNode.Parse(text) ?? throw new JsonException("Empty body");
        Assert.Equal((int)status, body["status_code"]!.GetValue<int>());
        if (message is not null) Assert.Equal(message, body["message"]!.GetValue<string>());
        return body;
    }

    public static async Task<JsonNode> Ok(HttpResponseMessage response, string message) =>
        await Envelope(response, HttpStatusCode.OK, message);

    public static async Task<JsonNode> Error(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = await Envelope(response, status, message);
        Assert.Null(body["data"]);
        return body;
    }

    /// <summary>A 400 in the envelope whose errors name <paramref name="field"/>.</summary>
    public static async Task<JsonNode> Invalid(HttpResponseMessage response, string field)
    {
        var body = await Error(response, HttpStatusCode.BadRequest, "There is some Validation error");
        var errors = body["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"Expected an error for '{field}', got {errors.ToJsonString()}");
        return body;
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PatchJson(this HttpClient client, string url, object body) =>
        client.PatchAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PatchRaw(this HttpClient client, string url, string json) =>
        client.PatchAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
}
