using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Podium.Client;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Client;

/// <summary>
/// Every public method of every area of the client is called (over real HTTP, against a recording stub),
/// and together they reach every operation of the committed OpenAPI document: an endpoint added to the
/// server without a client method fails here.
/// </summary>
public sealed class ClientCoverageTests
{
    /// <summary>Operations that are not for API-key holders, with the reason.</summary>
    private static readonly Dictionary<string, string> NotForClients = new()
    {
        ["POST /api/v2/platform/tasks/{taskId}/result"] = "a webhook agent's callback, authenticated by its task's callback token",
        ["POST /api/v2/platform/spaces/{spaceToken}/tasks"] = "the older path of create-task; the client uses tasks/create/",
        ["POST /api/v2/platform/telephony/events/{provider}/{providerConfigId}"] = "where providers post their signed call events",
        ["POST /api/v2/platform/telephony/twiml/twilio/{providerConfigId}"] = "where Twilio asks, signed, for an answered call's TwiML",
    };

    [Fact]
    public async Task EveryClientMethod_Works_AndTheyCoverEveryDocumentedOperation()
    {
        await using var stub = await StubServer.StartAsync();
        stub.Respond = (request, _) => StubServer.Ok(
            request.Query.Contains("page=", StringComparison.Ordinal) || request.Path.EndsWith("/telephony/providers/", StringComparison.Ordinal)
                || request.Method == "GET" && (request.Path.EndsWith("/telephony/overview/", StringComparison.Ordinal) || request.Path.EndsWith("/telephony/trunks/", StringComparison.Ordinal))
                || request.Path.EndsWith("/invitations/", StringComparison.Ordinal) && !request.Path.Contains("/organizations/", StringComparison.Ordinal) ? new JsonArray()
            : Regex.IsMatch(request.Path, "/runs/[^/]+/$") ? new JsonObject { ["status"] = "completed" }
            : new JsonObject());
        using var client = PodiumClient.Create(new PodiumClientOptions { BaseUrl = stub.BaseUrl, ApiKey = "pk_test", OrgHandle = "acme", MaxRetries = 0 });

        var areas = typeof(PodiumClient).GetProperties().Where(p => p.PropertyType.Name.EndsWith("Client", StringComparison.Ordinal)).ToList();
        Assert.True(areas.Count >= 13);
        var called = 0;
        foreach (var area in areas)
        {
            var target = area.GetValue(client)!;
            foreach (var method in area.PropertyType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var result = method.Invoke(target, [.. method.GetParameters().Select(Argument)]);
                if (result is Task task) await task;
                else if (result is not null && result.GetType().GetInterfaces().FirstOrDefault(IsAsyncEnumerable) is { } enumerable)
                    await DrainAsync(result, enumerable.GetGenericArguments()[0]);
                else Assert.Fail($"{area.Name}.{method.Name} returns neither a task nor an async stream.");
                called++;
            }
        }
        Assert.True(called > 60, $"only {called} methods");

        var seen = stub.Requests.ToList();
        Assert.All(seen, r =>
        {
            Assert.Equal("Token pk_test", r.Headers["Authorization"]);
            Assert.StartsWith("Podium.Client/", r.Headers["User-Agent"], StringComparison.Ordinal);
        });
        Assert.All(seen.Where(r => !r.Path.Contains("/organizations/", StringComparison.Ordinal)), r => Assert.Equal("acme", r.Headers["Org-Handle"]));
        var creates = seen.Where(r => r.Method == "POST" && r.Path.EndsWith("/tasks/create/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(creates);
        Assert.All(creates, r => Assert.True(r.Headers.ContainsKey("Idempotency-Key")));

        var document = Repository.OpenApiDocument()["paths"]!.AsObject();
        var missing = new List<string>();
        foreach (var (path, operations) in document)
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(path), @"\\\{[^}]+}", "[^/]+") + "/?$");
            foreach (var (method, _) in operations!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                if (NotForClients.ContainsKey(name)) continue;
                if (!seen.Any(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase) && pattern.IsMatch(r.Path))) missing.Add(name);
            }
        }
        Assert.True(missing.Count == 0, "No client method reaches: " + string.Join("; ", missing));
    }

    private static bool IsAsyncEnumerable(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>);

    private static async Task DrainAsync(object stream, Type item)
    {
        var drain = typeof(ClientCoverageTests).GetMethod(nameof(DrainTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(item);
        await (Task)drain.Invoke(null, [stream])!;
    }

    private static async Task DrainTypedAsync<T>(IAsyncEnumerable<T> stream)
    {
        await foreach (var _ in stream) { }
    }

    /// <summary>A plausible value for a parameter: the optional ones keep their defaults.</summary>
    private static object? Argument(ParameterInfo parameter)
    {
        if (parameter.HasDefaultValue) return parameter.DefaultValue;
        var type = parameter.ParameterType;
        return type switch
        {
            _ when type == typeof(string) => "x1",
            _ when type == typeof(int) => 7,
            _ when type == typeof(long) => 7L,
            _ when type == typeof(Stream) => new MemoryStream("name,contact_number\nA,+14155550100\n"u8.ToArray()),
            _ when type == typeof(IEnumerable<JsonObject>) => new List<JsonObject> { new() { ["contact_number"] = "+14155550100" } },
            _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
            _ when type.IsClass => Activator.CreateInstance(type),
            _ => throw new InvalidOperationException($"No argument for {parameter.Name} of {type}."),
        };
    }
}
