using System.Net;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Providers;

/// <summary>
/// What every provider's campaign tests share: an organization with the provider's configuration (its
/// credentials, its <c>base_url</c> the fake) and an agent of that runtime, a scripted ending per contact,
/// the one task output shape, and credentials that never come back out.
/// </summary>
public abstract class ProviderCampaignTests<TDb, TFake>(EngineApp<TDb> app) : EngineTests<TDb>(app)
    where TDb : TestDatabase, new()
    where TFake : FakeProvider, new()
{
    private static readonly Ending[] Script = [Ending.Completed, Ending.Voicemail, Ending.Busy, Ending.NoAnswer, Ending.Failed];

    private static readonly string[] OutputFields =
        ["call_id", "call_status", "call_end_reason", "start_time", "end_time", "duration", "recording_url", "transcript", "call_summary", "post_call_data", "cost", "provider", "provider_end_reason"];

    protected sealed record Campaign(TestOrg Org, string Space, string Agent, int ConfigId, TFake Fake)
    {
        public string EventsUrl => $"/api/v2/platform/telephony/events/{Fake.Provider}/{ConfigId}/";
    }

    /// <summary>The provider configuration's body, with its credentials.</summary>
    protected abstract JsonObject Configuration(TFake fake);

    protected async Task<Campaign> CampaignAsync(object? retry = null, int maxCallSeconds = 900)
    {
        var fake = (TFake)await new TFake().StartAsync();
        if (fake is FakeLiveKit livekit) livekit.Script = EndingOf;
        var (org, space, _) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var config = Configuration(fake);
        config["base_url"] = fake.BaseUrl;
        var created = await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/providers-configurations/", config), HttpStatusCode.Created);
        var configId = created["data"]!["id"]!.GetValue<int>();
        var runtime = fake.RuntimeSettings;
        runtime["type"] = fake.Provider;
        runtime["provider_config_id"] = configId;
        runtime["max_call_seconds"] = maxCallSeconds;
        var agent = await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new
        {
            name = $"{fake.Provider} caller",
            state = "published",
            runtime,
            max_concurrency = 60,
            retry = retry ?? new { max_attempts = 1 },
        }), HttpStatusCode.Created);
        return new Campaign(org, space, agent["data"]!["handle"]!.GetValue<string>(), configId, fake);
    }

    /// <summary>The scripted ending of a contact: by its index in the run (its number's last digits), ten of each.</summary>
    protected static Ending EndingOf(string toNumber) => Script[int.Parse(toNumber[^4..], System.Globalization.CultureInfo.InvariantCulture) / 10 % Script.Length];

    protected async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => await App.Client().SendAsync(request);

    /// <summary>
    /// Fifty contacts, ten per scripted ending, with voicemail and busy retried once after a minute:
    /// <paramref name="finish"/> plays the provider's (and the bot's) part for the calls placed. Returns
    /// the tasks, checked for the scripted outcomes in the one output shape; the fake is the caller's to dispose.
    /// </summary>
    protected async Task<(Campaign Campaign, JsonArray Tasks)> ScriptedCampaignAsync(Func<Campaign, IReadOnlyList<PlacedCall>, Task> finish)
    {
        var campaign = await CampaignAsync(new { max_attempts = 2, on = new[] { "voicemail", "busy" }, backoff_seconds = 60 });
        var runId = await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(50) });
        await App.RunEngineAsync();
        Assert.Equal(50, campaign.Fake.Placed.Count);
        await finish(campaign, campaign.Fake.Placed.ToList());

        // Voicemail and busy earn a second attempt after the backoff; the others are final.
        await App.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(70, campaign.Fake.Placed.Count);
        await finish(campaign, campaign.Fake.Placed.Skip(50).ToList());
        await App.RunEngineAsync();

        Assert.Empty(campaign.Fake.Violations);
        var run = await RunAsync(campaign.Org, campaign.Space, runId);
        Assert.Equal(0, run["in_progress_tasks"]!.GetValue<int>());
        Assert.Equal(10, run["completed_tasks"]!.GetValue<int>());
        Assert.Equal(40, run["failed_tasks"]!.GetValue<int>());
        var tasks = await TasksAsync(campaign.Org, campaign.Space, runId);
        AssertScriptedOutcomes(tasks, campaign.Fake);
        // Retried by outcome: voicemail and busy twice, the others once.
        foreach (var task in tasks)
            Assert.Equal(task!["outcome"]!.GetValue<string>() is "voicemail" or "busy" ? 2 : 1, task["attempt"]!.GetValue<int>());
        return (campaign, tasks);
    }

    /// <summary>Ten of each outcome, every output in the one shape, naming a call the fake placed and the provider.</summary>
    private static void AssertScriptedOutcomes(JsonArray tasks, TFake fake)
    {
        var byOutcome = tasks.GroupBy(t => t!["outcome"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["completed"] = 10, ["voicemail"] = 10, ["busy"] = 10, ["no_answer"] = 10, ["failed"] = 10 }, byOutcome);
        var placedIds = fake.Placed.Select(c => c.Id).ToHashSet();
        foreach (var task in tasks)
        {
            var output = task!["output"]!.AsObject();
            foreach (var field in OutputFields)
                Assert.True(output.ContainsKey(field), $"output lacks {field}: {output.ToJsonString()}");
            Assert.Contains(output["call_id"]!.GetValue<string>(), placedIds);
            Assert.Equal(fake.Provider, output["provider"]!.GetValue<string>());
            Assert.Contains("outcome", output["post_call_data"]!.AsObject().Select(p => p.Key));
        }
        var failed = tasks.First(t => t!["outcome"]!.GetValue<string>() == "failed")!;
        Assert.Equal(fake.Raw(Ending.Failed), failed["output"]!["provider_end_reason"]!.GetValue<string>());
        Assert.Contains(fake.Raw(Ending.Failed), failed["last_failure_reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    protected static string? Text(JsonNode? node) => node?.GetValue<string>();

    /// <summary>The organization's own carrier, with a password that must never come back out.</summary>
    protected const string TrunkPassword = "trunk-secret-5b8e2d";

    protected async Task<int> TrunkAsync(Campaign campaign) =>
        (await ApiAssert.Envelope(await campaign.Org.Client(App, campaign.Org.Admin).PostJson($"{Prefix}/telephony/trunks/", new
        {
            name = "Carrier",
            sip_url = "sips:sip.carrier.example:5061",
            auth_username = "acme",
            auth_password = TrunkPassword,
            region = "US",
        }), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();

    /// <summary>Gives the campaign's agent a voice profile and returns it.</summary>
    protected async Task<string> VoiceAsync(Campaign campaign)
    {
        var admin = campaign.Org.Client(App, campaign.Org.Admin);
        var profile = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/voice-profiles/", new
        {
            name = "Asha",
            language = "en-IN",
            tts_provider = "elevenlabs",
            tts_voice = "voice_asha",
            greeting_message = "Hello from Asha.",
        }), HttpStatusCode.Created))["data"]!["data"]!["profile_id"]!.GetValue<string>();
        await ApiAssert.Ok(await admin.PatchJson($"{Prefix}/agents/{campaign.Agent}/", new { voice_profile_id = profile }), "Agent updated successfully");
        return profile;
    }

    /// <summary>Changes the campaign's agent's runtime: its provider settings plus <paramref name="change"/>.</summary>
    protected async Task RuntimeAsync(Campaign campaign, Action<JsonObject> change)
    {
        var runtime = campaign.Fake.RuntimeSettings;
        runtime["type"] = campaign.Fake.Provider;
        runtime["provider_config_id"] = campaign.ConfigId;
        change(runtime);
        await ApiAssert.Ok(await campaign.Org.Client(App, campaign.Org.Admin).PatchJson($"{Prefix}/agents/{campaign.Agent}/", new { runtime }), "Agent updated successfully");
    }

    [Fact]
    public async Task HangingUpALiveCall_AsksTheProviderWhereItCan_AndTheCallIsNotPlacedAgain()
    {
        var campaign = await CampaignAsync(new { max_attempts = 3, on = new[] { "voicemail" }, backoff_seconds = 60 });
        await using var _ = campaign.Fake;
        var member = campaign.Org.Client(App, campaign.Org.Member);
        // Contact 10 ends in voicemail, which this agent retries.
        var placed = await ApiAssert.Envelope(await member.PostJson($"{Prefix}/speech/v1/calls/",
            new { to_number = "+14155550010", agent_id = campaign.Agent, space_token = campaign.Space }), HttpStatusCode.Created, "Call queued.");
        var id = placed["data"]!["call_id"]!.GetValue<string>();
        await App.RunEngineAsync();
        var call = Assert.Single(campaign.Fake.Placed);

        var hung = await ApiAssert.Envelope(await member.PostAsync($"{Prefix}/speech/v1/calls/{id}/hangup", null), HttpStatusCode.OK);
        Assert.Equal("hangup_requested", hung["data"]!["status"]!.GetValue<string>());
        var message = hung["message"]!.GetValue<string>();
        if (campaign.Fake.Provider is "twilio" or "livekit" or "retell")
        {
            Assert.Equal([call.Id], campaign.Fake.HungUp);
            Assert.Contains("was asked to hang up", message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(campaign.Fake.HungUp);
            Assert.Contains("offers no way to hang up", message, StringComparison.Ordinal);
        }

        // However the provider reports the end, the call is not placed again.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(campaign.Fake.EndEvent(call, Ending.Voicemail, campaign.EventsUrl, App.Clock.GetUtcNow()))).StatusCode);
        await App.AdvanceAsync(TimeSpan.FromMinutes(5));
        await App.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Single(campaign.Fake.Placed);
        var ended = await ApiAssert.Envelope(await member.GetAsync($"{Prefix}/speech/v1/calls/{id}"), HttpStatusCode.OK);
        Assert.Contains(ended["data"]!["status"]!.GetValue<string>(), new[] { "cancelled", "completed" });
        Assert.Empty(campaign.Fake.Violations);
    }

    [Fact]
    public async Task ForgedUnsignedAndReplayedEvents_ChangeNothing()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        var runId = await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(2) });
        await App.RunEngineAsync();
        var call = campaign.Fake.Placed.First();
        var now = App.Clock.GetUtcNow();

        await ApiAssert.Error(await SendAsync(campaign.Fake.ForgedEvent(call, Ending.Busy, campaign.EventsUrl, now)), HttpStatusCode.Unauthorized, "Invalid signature.");
        var unsigned = campaign.Fake.EndEvent(call, Ending.Busy, campaign.EventsUrl, now);
        foreach (var header in unsigned.Headers.Select(h => h.Key).ToList()) unsigned.Headers.Remove(header);
        await ApiAssert.Error(await SendAsync(unsigned), HttpStatusCode.Unauthorized, "Invalid signature.");
        var run = await RunAsync(campaign.Org, campaign.Space, runId);
        Assert.Equal(2, run["in_progress_tasks"]!.GetValue<int>());

        // The genuine event finishes the task once; the same event again, or a contrary one, changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(campaign.Fake.EndEvent(call, Ending.Busy, campaign.EventsUrl, now))).StatusCode);
        var replay = await ApiAssert.Ok(await SendAsync(campaign.Fake.EndEvent(call, Ending.Busy, campaign.EventsUrl, now)), "Event received.");
        Assert.False(replay["data"]!["applied"]!.GetValue<bool>());
        await SendAsync(campaign.Fake.EndEvent(call, Ending.Completed, campaign.EventsUrl, now));
        var tasks = await TasksAsync(campaign.Org, campaign.Space, runId);
        Assert.Equal(["busy"], tasks.Select(t => t!["outcome"]?.GetValue<string>()).OfType<string>().ToArray());
        Assert.Equal(2, campaign.Fake.Placed.Count);
    }

    [Fact]
    public async Task Credentials_AreNeverInAnAnswer_OrTheDatabaseInTheClear()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        var admin = campaign.Org.Client(App, campaign.Org.Admin);
        var config = await (await admin.GetAsync($"{Prefix}/telephony/providers-configurations/{campaign.ConfigId}/")).Content.ReadAsStringAsync();
        var agent = await (await admin.GetAsync($"{Prefix}/agents/{campaign.Agent}/")).Content.ReadAsStringAsync();
        Assert.Contains($"/telephony/events/{campaign.Fake.Provider}/{campaign.ConfigId}/", config, StringComparison.Ordinal);
        await using var scope = App.Scope(out var db);
        var stored = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.ProviderConfigurations), c => c.Id == campaign.ConfigId);
        var secrets = Configuration(campaign.Fake).Where(p => p.Key is "auth_token" or "api_key" or "api_secret" or "webhook_secret").ToList();
        Assert.NotEmpty(secrets);
        foreach (var (name, value) in secrets)
        {
            Assert.Contains(name, config, StringComparison.Ordinal);
            Assert.DoesNotContain(value!.GetValue<string>(), config, StringComparison.Ordinal);
            Assert.DoesNotContain(value.GetValue<string>(), agent, StringComparison.Ordinal);
            Assert.DoesNotContain(value.GetValue<string>(), stored.ProtectedSecrets ?? "", StringComparison.Ordinal);
        }
    }
}
