using System.Text.Json.Nodes;
using Podium.Client;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Client;

/// <summary>Base of the tests that drive the real server through <see cref="PodiumClient"/>.</summary>
public abstract class ClientTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    protected PodiumClient ClientFor(TestOrg org, TestUser user) => ClientFor(org.Handle, user.Key);

    protected PodiumClient ClientFor(string orgHandle, string key) => PodiumClient.Create(new PodiumClientOptions
    {
        BaseUrl = App.Client().BaseAddress,
        ApiKey = key,
        OrgHandle = orgHandle,
        MaxRetries = 0,
    });

    protected static List<JsonObject> People(int count, string? label = null) =>
        [.. Enumerable.Range(0, count).Select(i => new JsonObject
        {
            ["name"] = $"Person {i}",
            ["contact_number"] = $"+1415555{i:0000}",
            ["labels"] = label is null ? null : new JsonArray(label),
        })];

    protected Task<TestOrg> NewOrgAsync() => TestOrg.CreateAsync(App);
}
