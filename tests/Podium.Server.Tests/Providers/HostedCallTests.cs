using System.Net;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Providers;

/// <summary>
/// A campaign through a hosted voice-agent provider (Vapi, Retell, ElevenLabs), against an in-process fake
/// of that provider: calls placed with the organization's credentials, finished by the provider's signed
/// events or by reading the call back, with one task output shape whichever provider placed the call.
/// </summary>
public abstract class HostedCallTests<TDb, TFake>(EngineApp<TDb> app) : ProviderCampaignTests<TDb, TFake>(app)
    where TDb : TestDatabase, new()
    where TFake : FakeProvider, new()
{
    protected override JsonObject Configuration(TFake fake)
    {
        var config = new JsonObject { ["provider"] = fake.Provider, ["name"] = $"{fake.Provider} account", ["api_key"] = FakeProvider.ApiKey };
        // Retell signs its webhooks with the API key itself.
        if (fake.Provider != "retell") config["webhook_secret"] = FakeProvider.WebhookSecret;
        return config;
    }

    private static Ending EndingOf(PlacedCall call) => EndingOf(call.ToNumber);

    [Fact]
    public async Task FiftyContacts_EndAsScripted_InOneOutputShape_WithRetriesByOutcome()
    {
        var (campaign, tasks) = await ScriptedCampaignAsync(async (campaign, calls) =>
        {
            foreach (var call in calls)
                Assert.Equal(HttpStatusCode.OK, (await SendAsync(campaign.Fake.EndEvent(call, EndingOf(call), campaign.EventsUrl, App.Clock.GetUtcNow()))).StatusCode);
        });
        await using var _ = campaign.Fake;
        var completed = tasks.First(t => t!["outcome"]!.GetValue<string>() == "completed")!["output"]!;
        Assert.Equal("interested", completed["post_call_data"]!["outcome"]!.GetValue<string>());
        Assert.Equal(2, completed["transcript"]!.AsArray().Count);
        Assert.Equal(42, completed["duration"]!.GetValue<int>());
        Assert.Equal(0.1834m, completed["cost"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task TheAgentsVoiceProfile_OverridesTheProvidersVoice_WhereItTakesOne()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        await VoiceAsync(campaign);
        await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var body = Assert.Single(campaign.Fake.Placed).Body;
        switch (campaign.Fake.Provider)
        {
            case "vapi":
                Assert.Equal("elevenlabs", Text(body["assistantOverrides"]!["voice"]!["provider"]));
                Assert.Equal("voice_asha", Text(body["assistantOverrides"]!["voice"]!["voiceId"]));
                Assert.Equal("Hello from Asha.", Text(body["assistantOverrides"]!["firstMessage"]));
                break;
            case "elevenlabs":
                var overrides = body["conversation_initiation_client_data"]!["conversation_config_override"]!;
                Assert.Equal("voice_asha", Text(overrides["tts"]!["voice_id"]));
                Assert.Equal("en", Text(overrides["agent"]!["language"]));
                Assert.Equal("Hello from Asha.", Text(overrides["agent"]!["first_message"]));
                break;
            default:
                // Retell's call request takes no voice: the Retell agent's own voice speaks.
                Assert.DoesNotContain("voice_asha", body.ToJsonString(), StringComparison.Ordinal);
                break;
        }
        Assert.Empty(campaign.Fake.Violations);
    }

    [Fact]
    public async Task StaleAndMisaddressedEvents_ChangeNothing()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        var runId = await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(2) });
        await App.RunEngineAsync();
        var call = campaign.Fake.Placed.First();
        var now = App.Clock.GetUtcNow();

        var stale = await SendAsync(campaign.Fake.EndEvent(call, Ending.Completed, campaign.EventsUrl, now.AddHours(-2)));
        await ApiAssert.Error(stale, HttpStatusCode.Unauthorized, "Invalid signature.");
        var otherConfig = campaign.EventsUrl.Replace($"/{campaign.ConfigId}/", $"/{campaign.ConfigId + 1000}/", StringComparison.Ordinal);
        await ApiAssert.Error(await SendAsync(campaign.Fake.EndEvent(call, Ending.Completed, otherConfig, now)), HttpStatusCode.Unauthorized, "Invalid signature.");
        var run = await RunAsync(campaign.Org, campaign.Space, runId);
        Assert.Equal(2, run["in_progress_tasks"]!.GetValue<int>());
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
    public async Task HungUpWhileTheProviderSaysNotNow_TheCallIsNeverPlaced()
    {
        var campaign = await CampaignAsync(new { max_attempts = 3, on = new[] { "failed" }, backoff_seconds = 0 });
        await using var _ = campaign.Fake;
        var member = campaign.Org.Client(App, campaign.Org.Member);
        var id = (await ApiAssert.Envelope(await member.PostJson($"{Prefix}/speech/v1/calls/",
            new { to_number = "+14155550001", agent_id = campaign.Agent, space_token = campaign.Space }), HttpStatusCode.Created))["data"]!["call_id"]!.GetValue<string>();
        // The hang-up arrives while Podium is asking the provider, which then refuses for now.
        campaign.Fake.CreateAnswers.Enqueue(async context =>
        {
            var hung = await ApiAssert.Envelope(await member.PostAsync($"{Prefix}/speech/v1/calls/{id}/hangup", null), HttpStatusCode.OK);
            Assert.Contains("still being placed", hung["message"]!.GetValue<string>(), StringComparison.Ordinal);
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "1";
        });
        await App.RunEngineAsync();
        await App.AdvanceAsync(TimeSpan.FromMinutes(1));
        await App.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Empty(campaign.Fake.Placed);
        var call = await ApiAssert.Envelope(await member.GetAsync($"{Prefix}/speech/v1/calls/{id}"), HttpStatusCode.OK);
        Assert.Equal("cancelled", call["data"]!["status"]!.GetValue<string>());
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
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(campaign.Fake.EndEvent(call, EndingOf(call), campaign.EventsUrl, App.Clock.GetUtcNow()))).StatusCode);
        task = (await TasksAsync(campaign.Org, campaign.Space, runId)).Single()!;
        Assert.Equal(EndingOf(call) == Ending.Completed ? "completed" : "failed", task["status"]!.GetValue<string>());
        // The deferral is no call log: the organization sees one call.
        var logs = await ApiAssert.Ok(await campaign.Org.Client(App, campaign.Org.Viewer).GetAsync($"{Prefix}/call-logs/"), "Call logs fetched successfully");
        Assert.Single(logs["data"]!.AsArray());
    }
}

public sealed class VapiCallTestsOnSqlite(EngineApp<Sqlite> app) : HostedCallTests<Sqlite, FakeVapi>(app);

public sealed class VapiCallTestsOnPostgres(EngineApp<Postgres> app) : HostedCallTests<Postgres, FakeVapi>(app);

public sealed class RetellCallTestsOnSqlite(EngineApp<Sqlite> app) : HostedCallTests<Sqlite, FakeRetell>(app);

public sealed class RetellCallTestsOnPostgres(EngineApp<Postgres> app) : HostedCallTests<Postgres, FakeRetell>(app);

public sealed class ElevenLabsCallTestsOnSqlite(EngineApp<Sqlite> app) : HostedCallTests<Sqlite, FakeElevenLabs>(app);

public sealed class ElevenLabsCallTestsOnPostgres(EngineApp<Postgres> app) : HostedCallTests<Postgres, FakeElevenLabs>(app);
