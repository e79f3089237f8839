using System.Globalization;
using System.Text.Json.Nodes;

namespace Podium.Server.Tests.Infrastructure;

/// <summary>Replaces each field of a valid body, one at a time, with each kind of JSON value.</summary>
public static class JsonFuzz
{
    private static readonly JsonNode?[] Values =
        [null, 0, -1, 1e308, true, "", "x", new JsonArray(), new JsonArray(1, "a"), new JsonObject(), new JsonObject { ["k"] = "v" }];

    /// <summary>POSTs every variant of <paramref name="template"/>; any 5xx fails the test, naming the field and value.</summary>
    public static async Task NeverA500Async(HttpClient client, string url, string template, string method = "POST")
    {
        var root = JsonNode.Parse(template)!.AsObject();
        foreach (var path in Paths(root))
        {
            foreach (var value in Values)
            {
                var body = root.DeepClone().AsObject();
                Set(body, path, value?.DeepClone());
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
                {
                    Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
                });
                Assert.True((int)response.StatusCode < 500,
                    $"{string.Join('.', path)} = {value?.ToJsonString() ?? "null"}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    private static IEnumerable<string[]> Paths(JsonNode node, string[]? prefix = null)
    {
        prefix ??= [];
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj)
            {
                string[] path = [.. prefix, key];
                yield return path;
                foreach (var inner in child is null ? [] : Paths(child, path)) yield return inner;
            }
        }
        else if (node is JsonArray array && array.Count > 0 && array[0] is JsonObject first)
        {
            foreach (var inner in Paths(first, [.. prefix, "0"])) yield return inner;
        }
    }

    private static void Set(JsonNode root, string[] path, JsonNode? value)
    {
        var node = root;
        foreach (var step in path[..^1])
            node = node is JsonArray a ? a[int.Parse(step, CultureInfo.InvariantCulture)]! : node[step]!;
        if (node is JsonArray array) array[int.Parse(path[^1], CultureInfo.InvariantCulture)] = value;
        else node[path[^1]] = value;
    }
}
