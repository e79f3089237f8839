using System.Net;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Http;

/// <summary>
/// Every string field of every request body in the OpenAPI document, sent longer than any column can
/// hold, is a 400 naming the field (or the part of the body it belongs to): never a 500, on either database.
/// </summary>
public abstract class FieldLengthTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private static readonly string TooLong = new('x', 100_001);

    [Fact]
    public async Task EveryStringField_LongerThanItsColumn_IsA400NamingIt()
    {
        var org = await NewOrgAsync();
        var admin = ClientFor(org, org.Admin);
        var values = await ResourcesAsync(org, admin);
        var document = JsonNode.Parse(await App.Client().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var problems = new List<string>();
        var tried = 0;
        foreach (var (path, operations) in document["paths"]!.AsObject())
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (operation!["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"] is not { } reference) continue;
                var url = Fill(path, values);
                var schema = Schema(schemas, reference.GetValue<string>());
                foreach (var field in StringFields(schemas, schema, "", 0))
                {
                    tried++;
                    var body = Base(schema, values);
                    foreach (var (name, value) in Body(field)) body[name] = value?.DeepClone();
                    var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url + "/")
                    {
                        Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
                    };
                    var response = await admin.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    var errors = response.StatusCode == HttpStatusCode.BadRequest ? JsonNode.Parse(text)!["errors"]?.AsObject() : null;
                    if (errors is null || !errors.Any(e => Names(e.Key, field)))
                        problems.Add($"{method.ToUpperInvariant()} {path} {field}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
                }
            }
        Assert.True(tried > 60, $"only {tried} fields were tried");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The body's required fields with plausible values (and a document, where documents are taken), so the binder lets it through to validation.</summary>
    private static JsonObject Base(JsonObject schema, Dictionary<string, string> values)
    {
        var body = new JsonObject();
        foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            body[required] = IsType(schema["properties"]![required]!.AsObject(), "integer") ? JsonValue.Create(int.Parse(values["provider"], System.Globalization.CultureInfo.InvariantCulture))
                : required == "pilot" ? values["agentHandle"] : "ok";
        if (schema["properties"]?["documents"] is not null)
            body["documents"] = new JsonArray(new JsonObject { ["name"] = "Ada", ["contact_number"] = "+14155550100" });
        return body;
    }

    /// <summary>Whether an error key names the field, or the object or list entry the field is part of.</summary>
    private static bool Names(string key, string field) =>
        key == field || field.StartsWith(key + ".", StringComparison.Ordinal) || field.StartsWith(key + "[", StringComparison.Ordinal);

    /// <summary>A body holding only the field, at its path (<c>runtime.url</c>, <c>calling_hours.ranges[0].start</c>).</summary>
    private static JsonObject Body(string field)
    {
        var root = new JsonObject();
        JsonNode current = root;
        var parts = field.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var name = parts[i].Replace("[0]", "", StringComparison.Ordinal);
            var isList = parts[i].EndsWith("[0]", StringComparison.Ordinal);
            var last = i == parts.Length - 1;
            JsonNode next = last ? JsonValue.Create(TooLong) : new JsonObject();
            current[name] = isList ? new JsonArray(next) : next;
            current = next;
        }
        return root;
    }

    private static JsonObject Schema(JsonObject schemas, string reference) => schemas[reference.Split('/')[^1]]!.AsObject();

    private static IEnumerable<string> StringFields(JsonObject schemas, JsonObject schema, string prefix, int depth)
    {
        if (depth > 4) yield break;
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var path = prefix + name;
            var node = property!.AsObject();
            var target = node["$ref"]?.GetValue<string>()
                ?? node["oneOf"]?.AsArray().Select(o => o!["$ref"]?.GetValue<string>()).OfType<string>().FirstOrDefault();
            if (IsType(node, "string") && node["enum"] is null) yield return path;
            else if (IsType(node, "array") && node["items"] is JsonObject items)
            {
                if (IsType(items, "string")) yield return path + "[0]";
                else if (items["$ref"]?.GetValue<string>() is { } itemRef && Schema(schemas, itemRef)["properties"] is not null)
                    foreach (var inner in StringFields(schemas, Schema(schemas, itemRef), path + "[0].", depth + 1)) yield return inner;
            }
            else if (target is not null && Schema(schemas, target)["properties"] is not null)
                foreach (var inner in StringFields(schemas, Schema(schemas, target), path + ".", depth + 1)) yield return inner;
        }
    }

    private static bool IsType(JsonObject node, string type) => node["type"] switch
    {
        JsonValue v => v.GetValue<string>() == type,
        JsonArray a => a.Any(t => t!.GetValue<string>() == type),
        _ => false,
    };

    private static string Fill(string path, Dictionary<string, string> values)
    {
        foreach (var (name, value) in values)
            path = path.Replace($"{{{name}}}", value, StringComparison.Ordinal);
        return path.Contains("/webhooks/", StringComparison.Ordinal) ? path.Replace("{id}", values["webhook"], StringComparison.Ordinal) : path.Replace("{id}", values["provider"], StringComparison.Ordinal);
    }

    /// <summary>One of each resource a write's path can name, so the writes reach their validation.</summary>
    private static async Task<Dictionary<string, string>> ResourcesAsync(TestOrg org, HttpClient admin)
    {
        async Task<JsonNode> Created(string path, object body) =>
            (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/{path}", body), HttpStatusCode.Created))["data"]!;
        var space = (await Created("spaces/", new { name = "Lengths", content_type = "contact" }))["token"]!.GetValue<string>();
        var agent = (await Created("agents/", new { name = "Lengths", state = "published" }))["handle"]!.GetValue<string>();
        var provider = (await Created("telephony/providers-configurations/", new { provider = "twilio", account_sid = "AClength", auth_token = "t" }))["id"]!.ToString();
        var bridge = (await Created("telephony/bridges/", new { name = "Lengths", slug = "lengths" }))["slug"]!.GetValue<string>();
        var webhook = (await Created("webhooks/", new { url = "https://example.test/hook" }))["id"]!.ToString();
        return new()
        {
            ["orgHandle"] = org.Handle,
            ["spaceToken"] = space,
            ["agentHandle"] = agent,
            ["slug"] = bridge,
            ["userId"] = org.Viewer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["provider"] = provider,
            ["webhook"] = webhook,
        };
    }
}

public sealed class FieldLengthTestsOnSqlite(PodiumApp<Sqlite> app) : FieldLengthTests<Sqlite>(app);

public sealed class FieldLengthTestsOnPostgres(PodiumApp<Postgres> app) : FieldLengthTests<Postgres>(app);
