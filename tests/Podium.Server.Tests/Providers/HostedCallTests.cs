using System.Net;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Providers;

/// <summary>
/// A campaign through a hosted voice-agent provider (Vapi, Retell, ElevenLabs), against an in-process fake
/// of that provider: calls placed with the organization's credentials, finished by the provider's signed
/// events or by reading the call back, with one task output shape whichever provider placed the call.
/// </summary>
public abstract class HostedCallTests<TDb, TFake>(EngineApp<TDb> app) : EngineTests<TDb>(app)
    where TDb : TestDatabase, new()
    where TFake : FakeProvider, new()
{
    private static readonly Ending[] Script = [Ending.Completed, Ending.Voicemail, Ending.Busy, Ending.NoAnswer, Ending.Failed];

    private sealed record Campaign(TestOrg Org, string Space, string Agent, int ConfigId, TFake Fake)
    {
        public string EventsUrl => $"/api/v2/platform/telephony/events/{Fake.Provider}/{ConfigId}/";
    }

    private async Task<Campaign> CampaignAsync(object? retry = null, int maxCallSeconds = 900)
    {
        var fake = (TFake)await new TFake().StartAsync();
        var (org, space, _) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var config = new JsonObject { ["provider"] = fake.Provider, ["name"] = $"{fake.Provider} account", ["api_key"] = FakeProvider.ApiKey, ["base_url"] = fake.BaseUrl };
        // Retell signs its webhooks with the API key itself.
        if (fake.Provider != "retell") config["webhook_secret"] = FakeProvider.WebhookSecret;
        var created = await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/providers-configurations/", config), HttpStatusCode.Created);
        var configId = created["data"]!["id"]!.GetValue<int>();
        var runtime = fake.RuntimeSettings;
        runtime["type"] = fake.Provider;
        runtime["provider_config_id"] = configId;
        runtime["max_call_seconds"] = maxCallSeconds;
        var agent = await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new
        {
            name = "Hosted caller",
            state = "published",
            runtime,
            max_concurrency = 60,
            retry = retry ?? new { max_attempts = 1 },
        }), HttpStatusCode.Created);
        return new Campaign(org, space, agent["data"]!["handle"]!.GetValue<string>(), configId, fake);
    }

    /// <summary>The scripted ending of a contact: by its index in the run (its number's last digits).</summary>
    private static Ending EndingOf(PlacedCall call) => Script[int.Parse(call.ToNumber[^4..], System.Globalization.CultureInfo.InvariantCulture) / 10 % Script.Length];

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => await App.Client().SendAsync(request);

    private async Task DeliverAsync(Campaign campaign, IEnumerable<PlacedCall> calls)
    {
        foreach (var call in calls)
        {
            var response = await SendAsync(campaign.Fake.EndEvent(call, EndingOf(call), campaign.EventsUrl, App.Clock.GetUtcNow()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task FiftyContacts_EndAsScripted_InOneOutputShape_WithRetriesByOutcome()
    {
        var campaign = await CampaignAsync(new { max_attempts = 2, on = new[] { "voicemail", "busy" }, backoff_seconds = 60 });
        await using var _ = campaign.Fake;
        var runId = await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(50) });

        await App.RunEngineAsync();
        Assert.Equal(50, campaign.Fake.Placed.Count);
        var run = await RunAsync(campaign.Org, campaign.Space, runId);
        Assert.Equal(50, run["in_progress_tasks"]!.GetValue<int>());
        await DeliverAsync(campaign, campaign.Fake.Placed.ToList());

        // Voicemail and busy earn a second attempt after the backoff; the others are final.
        await App.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(70, campaign.Fake.Placed.Count);
        await DeliverAsync(campaign, campaign.Fake.Placed.Skip(50).ToList());
        await App.RunEngineAsync();

        Assert.Empty(campaign.Fake.Violations);
        run = await RunAsync(campaign.Org, campaign.Space, runId);
        Assert.Equal(10, run["completed_tasks"]!.GetValue<int>());
        Assert.Equal(40, run["failed_tasks"]!.GetValue<int>());
        var tasks = await TasksAsync(campaign.Org, campaign.Space, runId);
        var byOutcome = tasks.GroupBy(t => t!["outcome"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["completed"] = 10, ["voicemail"] = 10, ["busy"] = 10, ["no_answer"] = 10, ["failed"] = 10 }, byOutcome);
        var placedIds = campaign.Fake.Placed.Select(c => c.Id).ToHashSet();
        foreach (var task in tasks)
        {
            var output = task!["output"]!.AsObject();
            foreach (var field in new[] { "call_id", "call_status", "call_end_reason", "start_time", "end_time", "duration", "recording_url", "transcript", "call_summary", "post_call_data", "cost", "provider", "provider_end_reason" })
                Assert.True(output.ContainsKey(field), $"output lacks {field}: {output.ToJsonString()}");
            Assert.Contains(output["call_id"]!.GetValue<string>(), placedIds);
            Assert.Equal(campaign.Fake.Provider, output["provider"]!.GetValue<string>());
            Assert.Contains("outcome", output["post_call_data"]!.AsObject().Select(p => p.Key));
        }
        var completed = tasks.First(t => t!["outcome"]!.GetValue<string>() == "completed")!["output"]!;
        Assert.Equal("interested", completed["post_call_data"]!["outcome"]!.GetValue<string>());
        Assert.Equal(2, completed["transcript"]!.AsArray().Count);
        Assert.Equal(42, completed["duration"]!.GetValue<int>());
        Assert.Equal(0.1834m, completed["cost"]!.GetValue<decimal>());
        var failed = tasks.First(t => t!["outcome"]!.GetValue<string>() == "failed")!;
        Assert.Equal(campaign.Fake.Raw(Ending.Failed), failed["output"]!["provider_end_reason"]!.GetValue<string>());
        Assert.Contains(campaign.Fake.Raw(Ending.Failed), failed["last_failure_reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedUnsignedStaleAndReplayedEvents_ChangeNothing()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        var runId = await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(2) });
        await App.RunEngineAsync();
        var call = campaign.Fake.Placed.First();
        var now = App.Clock.GetUtcNow();

        var forged = await SendAsync(campaign.Fake.ForgedEvent(call, Ending.Completed, campaign.EventsUrl, now));
        await ApiAssert.Error(forged, HttpStatusCode.Unauthorized, "Invalid signature.");
        var unsigned = campaign.Fake.EndEvent(call, Ending.Completed, campaign.EventsUrl, now);
        foreach (var header in unsigned.Headers.Select(h => h.Key).ToList()) unsigned.Headers.Remove(header);
        await ApiAssert.Error(await SendAsync(unsigned), HttpStatusCode.Unauthorized, "Invalid signature.");
        var stale = await SendAsync(campaign.Fake.EndEvent(call, Ending.Completed, campaign.EventsUrl, now.AddHours(-2)));
        await ApiAssert.Error(stale, HttpStatusCode.Unauthorized, "Invalid signature.");
        var otherConfig = campaign.EventsUrl.Replace($"/{campaign.ConfigId}/", $"/{campaign.ConfigId + 1000}/", StringComparison.Ordinal);
        await ApiAssert.Error(await SendAsync(campaign.Fake.EndEvent(call, Ending.Completed, otherConfig, now)), HttpStatusCode.Unauthorized, "Invalid signature.");
        var run = await RunAsync(campaign.Org, campaign.Space, runId);
        Assert.Equal(2, run["in_progress_tasks"]!.GetValue<int>());

        // The genuine event finishes the task once; the same event again (or a contrary one) changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(campaign.Fake.EndEvent(call, Ending.Busy, campaign.EventsUrl, now))).StatusCode);
        var replay = await ApiAssert.Ok(await SendAsync(campaign.Fake.EndEvent(call, Ending.Busy, campaign.EventsUrl, now)), "Event received.");
        Assert.False(replay["data"]!["applied"]!.GetValue<bool>());
        await SendAsync(campaign.Fake.EndEvent(call, Ending.Completed, campaign.EventsUrl, now));
        var tasks = await TasksAsync(campaign.Org, campaign.Space, runId);
        Assert.Equal(["busy"], tasks.Select(t => t!["outcome"]?.GetValue<string>()).OfType<string>().ToArray());
        Assert.Equal(2, campaign.Fake.Placed.Count);
    }

    [Fact]
    public async Task ACallWhoseEventNeverComes_IsReadBack_AndOneThatNeverEnds_FailsWithAReason()
    {
        var campaign = await CampaignAsync(maxCallSeconds: 60);
        await using var _ = campaign.Fake;
        var runId = await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(2) });
        await App.RunEngineAsync();
        var placed = campaign.Fake.Placed.ToList();
        campaign.Fake.EndedOnRead[placed[0].Id] = Ending.Completed;

        // Past the longest call and a grace, the provider is asked: the first call ended; the second is still live.
        await App.AdvanceAsync(TimeSpan.FromMinutes(4));
        var tasks = await TasksAsync(campaign.Org, campaign.Space, runId);
        Assert.Equal(["completed"], tasks.Select(t => t!["outcome"]?.GetValue<string>()).OfType<string>().ToArray());
        for (var i = 0; i < 6; i++) await App.AdvanceAsync(TimeSpan.FromMinutes(3));

        var run = await RunAsync(campaign.Org, campaign.Space, runId);
        Assert.Equal(0, run["in_progress_tasks"]!.GetValue<int>());
        tasks = await TasksAsync(campaign.Org, campaign.Space, runId);
        var stuck = tasks.Single(t => t!["status"]!.GetValue<string>() == "failed")!;
        Assert.Contains("never reported", stuck["last_failure_reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, campaign.Fake.Placed.Count);
    }

    [Fact]
    public async Task ARefusalForNow_IsNotAPlacedCall_TheTaskWaitsAndTriesAgain()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        campaign.Fake.CreateAnswers.Enqueue(context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "20";
            return Task.CompletedTask;
        });
        var runId = await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        Assert.Empty(campaign.Fake.Placed);
        var task = (await TasksAsync(campaign.Org, campaign.Space, runId)).Single()!;
        Assert.NotEqual("failed", task["status"]!.GetValue<string>());

        await App.AdvanceAsync(TimeSpan.FromSeconds(21));
        var call = Assert.Single(campaign.Fake.Placed);
        await DeliverAsync(campaign, [call]);
        task = (await TasksAsync(campaign.Org, campaign.Space, runId)).Single()!;
        Assert.Equal(EndingOf(call) == Ending.Completed ? "completed" : "failed", task["status"]!.GetValue<string>());
        // The deferral is no call log: the organization sees one call.
        var logs = await ApiAssert.Ok(await campaign.Org.Client(App, campaign.Org.Viewer).GetAsync($"{Prefix}/call-logs/"), "Call logs fetched successfully");
        Assert.Single(logs["data"]!.AsArray());
    }

    [Fact]
    public async Task Credentials_AreNeverInAnAnswer_OrTheDatabaseInTheClear()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        var admin = campaign.Org.Client(App, campaign.Org.Admin);
        var config = await (await admin.GetAsync($"{Prefix}/telephony/providers-configurations/{campaign.ConfigId}/")).Content.ReadAsStringAsync();
        var agent = await (await admin.GetAsync($"{Prefix}/agents/{campaign.Agent}/")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(FakeProvider.ApiKey, config, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeProvider.ApiKey, agent, StringComparison.Ordinal);
        Assert.Contains("api_key", config, StringComparison.Ordinal);
        Assert.Contains($"/telephony/events/{campaign.Fake.Provider}/{campaign.ConfigId}/", config, StringComparison.Ordinal);
        await using var scope = App.Scope(out var db);
        var stored = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.ProviderConfigurations), c => c.Id == campaign.ConfigId);
        Assert.DoesNotContain(FakeProvider.ApiKey, stored.ProtectedSecrets ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(FakeProvider.WebhookSecret, stored.ProtectedSecrets ?? "", StringComparison.Ordinal);
    }
}

public sealed class VapiCallTestsOnSqlite(EngineApp<Sqlite> app) : HostedCallTests<Sqlite, FakeVapi>(app);

public sealed class VapiCallTestsOnPostgres(EngineApp<Postgres> app) : HostedCallTests<Postgres, FakeVapi>(app);

public sealed class RetellCallTestsOnSqlite(EngineApp<Sqlite> app) : HostedCallTests<Sqlite, FakeRetell>(app);

public sealed class RetellCallTestsOnPostgres(EngineApp<Postgres> app) : HostedCallTests<Postgres, FakeRetell>(app);

public sealed class ElevenLabsCallTestsOnSqlite(EngineApp<Sqlite> app) : HostedCallTests<Sqlite, FakeElevenLabs>(app);

public sealed class ElevenLabsCallTestsOnPostgres(EngineApp<Postgres> app) : HostedCallTests<Postgres, FakeElevenLabs>(app);
