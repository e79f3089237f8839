using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Providers;

/// <summary>
/// A call through each of the five providers, with every log line captured down to Trace (the SQL, the
/// HTTP client's requests): no credential of the configuration, and no header built from one, is written.
/// </summary>
public abstract class CallSecretTests<TDb> : EngineTestBase<TDb>, IClassFixture<LoggedEngineApp<TDb>> where TDb : TestDatabase, new()
{
    private readonly LoggedEngineApp<TDb> _app;

    protected CallSecretTests(LoggedEngineApp<TDb> app) : base(app) => _app = app;

    [Fact]
    public async Task ACallThroughEachProvider_LogsNoCredential()
    {
        var (org, space, _) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        FakeProvider[] fakes = [new FakeVapi(), new FakeRetell(), new FakeElevenLabs(), new FakeTwilio(), new FakeLiveKit()];
        foreach (var fake in fakes)
        {
            await using var running = await fake.StartAsync();
            var config = fake switch
            {
                FakeTwilio => new JsonObject { ["provider"] = "twilio", ["account_sid"] = FakeTwilio.AccountSid, ["auth_token"] = FakeTwilio.AuthToken, ["calls_per_second"] = 0 },
                FakeLiveKit => new JsonObject { ["provider"] = "livekit", ["api_key"] = FakeLiveKit.Key, ["api_secret"] = FakeLiveKit.Secret },
                FakeRetell => new JsonObject { ["provider"] = "retell", ["api_key"] = FakeProvider.ApiKey },
                _ => new JsonObject { ["provider"] = fake.Provider, ["api_key"] = FakeProvider.ApiKey, ["webhook_secret"] = FakeProvider.WebhookSecret },
            };
            config["name"] = fake.Provider;
            config["base_url"] = fake.BaseUrl;
            var configId = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/providers-configurations/", config), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
            var runtime = fake.RuntimeSettings;
            runtime["type"] = fake.Provider;
            runtime["provider_config_id"] = configId;
            var agent = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = fake.Provider, state = "published", runtime, retry = new { max_attempts = 1 } }), HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();
            await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
            await App.RunEngineAsync();
            var call = Assert.Single(fake.Placed);
            var eventsUrl = $"{Prefix}/telephony/events/{fake.Provider}/{configId}/";
            if (fake is FakeTwilio) Assert.Equal(HttpStatusCode.OK, (await App.Client().SendAsync(FakeTwilio.AnswerRequest(call, "human"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await App.Client().SendAsync(fake.EndEvent(call, Ending.Busy, eventsUrl, App.Clock.GetUtcNow()))).StatusCode);
            Assert.Empty(fake.Violations);
        }

        var logs = _app.Logs.All;
        Assert.Contains("Executed DbCommand", logs, StringComparison.Ordinal);
        Assert.Contains("call-providers", logs, StringComparison.Ordinal);
        string[] credentials =
        [
            FakeProvider.ApiKey, FakeProvider.WebhookSecret, FakeTwilio.AuthToken, FakeLiveKit.Secret,
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeTwilio.AccountSid}:{FakeTwilio.AuthToken}")),
        ];
        foreach (var credential in credentials) Assert.DoesNotContain(credential, logs, StringComparison.Ordinal);
        // No bearer token of any kind (LiveKit's signed access tokens start with the JWT header).
        Assert.DoesNotContain("eyJhbGciOi", logs, StringComparison.Ordinal);
    }
}

public sealed class CallSecretTestsOnSqlite(LoggedEngineApp<Sqlite> app) : CallSecretTests<Sqlite>(app);

public sealed class CallSecretTestsOnPostgres(LoggedEngineApp<Postgres> app) : CallSecretTests<Postgres>(app);
