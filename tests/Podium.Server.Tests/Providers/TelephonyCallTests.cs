using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Podium.Server.Tests.Infrastructure;
using Twilio.Security;

namespace Podium.Server.Tests.Providers;

/// <summary>
/// A campaign through a provider that carries only the telephone line (Twilio, LiveKit), against an
/// in-process fake of it: the provider places the call and reports the line; a bot (played by the test)
/// holds the conversation and posts it to the task's result callback with its token; Podium merges the
/// two into the one task output every runtime produces.
/// </summary>
public abstract class TelephonyCallTests<TDb, TFake>(EngineApp<TDb> app) : ProviderCampaignTests<TDb, TFake>(app)
    where TDb : TestDatabase, new()
    where TFake : FakeProvider, new()
{
    /// <summary>Plays the provider's and the bot's part once the call was placed, as the script ends it.</summary>
    protected abstract Task FinishAsync(Campaign campaign, PlacedCall placed, Ending ending, bool botReports);

    /// <summary>The bot's report of the conversation, posted with the task's callback token.</summary>
    protected async Task BotReportsAsync(string callbackUrl, string token, string outcome)
    {
        var body = new JsonObject
        {
            ["outcome"] = outcome,
            ["output"] = new JsonObject
            {
                ["transcript"] = new JsonArray(
                    new JsonObject { ["role"] = "agent", ["content"] = "Hi, this is Podium calling." },
                    new JsonObject { ["role"] = "user", ["content"] = "Hello." }),
                ["call_summary"] = "The contact is interested.",
                ["post_call_data"] = new JsonObject { ["outcome"] = outcome == "completed" ? "interested" : outcome },
                ["cost"] = 0.05,
                ["duration"] = 40,
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, callbackUrl) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await ApiAssert.Ok(await SendAsync(request), "Task result recorded successfully");
    }

    [Fact]
    public async Task FiftyContacts_EndAsScripted_WithTheBotsConversationMerged_AndRetriesByOutcome()
    {
        var (campaign, tasks) = await ScriptedCampaignAsync(async (campaign, calls) =>
        {
            foreach (var call in calls) await FinishAsync(campaign, call, EndingOf(call.ToNumber), botReports: true);
        });
        await using var _ = campaign.Fake;
        var completed = tasks.First(t => t!["outcome"]!.GetValue<string>() == "completed")!["output"]!;
        Assert.Equal("interested", completed["post_call_data"]!["outcome"]!.GetValue<string>());
        Assert.Equal("The contact is interested.", completed["call_summary"]!.GetValue<string>());
        Assert.Equal(2, completed["transcript"]!.AsArray().Count);
        Assert.Equal(42, completed["duration"]!.GetValue<int>());
        // The line's cost (none in status callbacks and webhooks) plus the bot's.
        Assert.Equal(0.05m, completed["cost"]!.GetValue<decimal>());
        var voicemail = tasks.First(t => t!["outcome"]!.GetValue<string>() == "voicemail")!["output"]!;
        Assert.Equal("voicemail", voicemail["call_status"]!.GetValue<string>());
        Assert.Equal("carrier", tasks.First(t => t!["outcome"]!.GetValue<string>() == "failed")!["output"]!["failure_kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABotThatNeverReports_LeavesTheTaskCompletedWithTheLinesFacts_AfterAGrace()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        var runId = await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var call = Assert.Single(campaign.Fake.Placed);
        await FinishAsync(campaign, call, Ending.Completed, botReports: false);
        var task = (await TasksAsync(campaign.Org, campaign.Space, runId)).Single()!;
        Assert.Equal("in_progress", task["status"]!.GetValue<string>());

        await App.AdvanceAsync(TimeSpan.FromMinutes(3));
        task = (await TasksAsync(campaign.Org, campaign.Space, runId)).Single()!;
        Assert.Equal("completed", task["status"]!.GetValue<string>());
        var output = task["output"]!;
        Assert.Equal(call.Id, output["call_id"]!.GetValue<string>());
        Assert.Equal(42, output["duration"]!.GetValue<int>());
        Assert.Empty(output["transcript"]!.AsArray());
        Assert.Single(campaign.Fake.Placed);
    }
}

/// <summary>Twilio: the TwiML fetch, the bot's report, then the status callback (the bot reports first).</summary>
public abstract class TwilioCallTests<TDb>(EngineApp<TDb> app) : TelephonyCallTests<TDb, FakeTwilio>(app)
    where TDb : TestDatabase, new()
{
    protected override JsonObject Configuration(FakeTwilio fake) => new()
    {
        ["provider"] = "twilio",
        ["name"] = "Twilio account",
        ["account_sid"] = FakeTwilio.AccountSid,
        ["auth_token"] = FakeTwilio.AuthToken,
        ["calls_per_second"] = 0,
    };

    protected override async Task FinishAsync(Campaign campaign, PlacedCall placed, Ending ending, bool botReports)
    {
        if (ending is Ending.Completed or Ending.Voicemail)
        {
            var twiml = await AnswerAsync(campaign.Fake, placed, ending == Ending.Voicemail ? "machine_end_beep" : "human");
            if (ending == Ending.Voicemail)
            {
                Assert.Equal("Sorry we missed you, we will call again.", twiml.Descendants("Say").Single().Value);
                Assert.Single(twiml.Descendants("Hangup"));
            }
            else
            {
                var stream = twiml.Descendants("Connect").Single().Element("Stream")!;
                Assert.Equal("wss://bot.example/media", stream.Attribute("url")!.Value);
                var parameters = stream.Elements("Parameter").ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);
                Assert.Equal(placed.ToNumber, parameters["contact_number"]);
                Assert.Equal(Text(placed.Body["Url"])!.Split("podium_task_id=")[1].Split('&')[0], parameters["podium_task_id"]);
                if (botReports) await BotReportsAsync(parameters["podium_callback_url"], parameters["podium_callback_token"], "completed");
            }
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(FakeTwilio.RingingEvent(placed))).StatusCode);
        }
        var end = campaign.Fake.EndEvent(placed, ending, campaign.EventsUrl, App.Clock.GetUtcNow());
        await AssertTwilioWouldSignAsync(end);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(end)).StatusCode);
    }

    private async Task<XDocument> AnswerAsync(FakeTwilio fake, PlacedCall call, string answeredBy)
    {
        var request = FakeTwilio.AnswerRequest(call, answeredBy);
        await AssertTwilioWouldSignAsync(request);
        var response = await SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The fake's signature is Twilio's: the official library's validator accepts it.</summary>
    private static async Task AssertTwilioWouldSignAsync(HttpRequestMessage request)
    {
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync()).ToDictionary(p => p.Key, p => p.Value.ToString());
        Assert.True(new RequestValidator(FakeTwilio.AuthToken).Validate(request.RequestUri!.ToString(), form, request.Headers.GetValues("X-Twilio-Signature").Single()));
    }


    [Fact]
    public async Task TheTwimlRequest_MustBeSignedByTheAccount()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var call = Assert.Single(campaign.Fake.Placed);
        var forged = FakeTwilio.AnswerRequest(call, "human");
        forged.Headers.Remove("X-Twilio-Signature");
        forged.Headers.Add("X-Twilio-Signature", FakeTwilio.Signature(forged.RequestUri!.ToString(), [], "another-token"));
        var response = await SendAsync(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("callback_token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARelayBot_GetsConversationRelay_AndYourOwnTwiml_GetsTheTaskInItsQuery()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        var admin = campaign.Org.Client(App, campaign.Org.Admin);
        async Task<string> AgentAsync(string name, JsonObject bot)
        {
            bot["type"] = "twilio";
            bot["provider_config_id"] = campaign.ConfigId;
            bot["from_number"] = FakeTwilio.From;
            bot["machine_detection"] = "detect_message_end";
            bot["ring_seconds"] = 25;
            var created = await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name, state = "published", runtime = bot, retry = new { max_attempts = 1 } }), HttpStatusCode.Created);
            return created["data"]!["handle"]!.GetValue<string>();
        }
        var relay = await AgentAsync("Relay", new JsonObject { ["relay_url"] = "wss://bot.example/relay", ["welcome_greeting"] = "Hello from Podium.", ["language"] = "en-US" });
        var own = await AgentAsync("Own TwiML", new JsonObject { ["twiml_url"] = "https://bot.example/twiml?campaign=7" });
        await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = relay, documents = Contacts(1) });
        await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = own, documents = Contacts(1) });
        await App.RunEngineAsync();
        var calls = campaign.Fake.Placed.ToList();
        Assert.Equal(2, calls.Count);

        var relayCall = calls.Single(c => Text(c.Body["Url"])!.Contains("/telephony/twiml/twilio/", StringComparison.Ordinal));
        var twiml = await AnswerAsync(campaign.Fake, relayCall, "human");
        var conversation = twiml.Descendants("Connect").Single().Element("ConversationRelay")!;
        Assert.Equal("wss://bot.example/relay", conversation.Attribute("url")!.Value);
        Assert.Equal("Hello from Podium.", conversation.Attribute("welcomeGreeting")!.Value);
        Assert.Equal("en-US", conversation.Attribute("language")!.Value);
        Assert.Contains(conversation.Elements("Parameter"), p => p.Attribute("name")!.Value == "podium_callback_token");

        var ownUrl = new Uri(Text(calls.Single(c => c != relayCall).Body["Url"])!);
        Assert.Equal("bot.example", ownUrl.Host);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(ownUrl.Query);
        Assert.Equal("7", query["campaign"].ToString());
        foreach (var name in new[] { "podium_task_id", "podium_attempt", "podium_run_id", "podium_callback_url", "podium_callback_token" })
            Assert.False(string.IsNullOrEmpty(query[name]), $"{name} is not in the TwiML URL");
        Assert.Empty(campaign.Fake.Violations);
    }

    [Fact]
    public async Task AnotherOrganizationsTask_GetsAHangUp_FromThisAccountsTwiml()
    {
        var theirs = await CampaignAsync();
        await using var _ = theirs.Fake;
        var theirRun = await CreateRunAsync(theirs.Org, theirs.Space, new { pilot = theirs.Agent, documents = Contacts(1) });
        var ours = await CampaignAsync();
        await using var __ = ours.Fake;
        await CreateRunAsync(ours.Org, ours.Space, new { pilot = ours.Agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var theirTask = (await TasksAsync(theirs.Org, theirs.Space, theirRun)).Single()!["task_id"]!.GetValue<string>();
        var ourCall = Assert.Single(ours.Fake.Placed);

        // Our account's signed request, naming their task: their task is not found through our configuration.
        var url = Text(ourCall.Body["Url"])!.Split('?')[0] + $"?podium_task_id={theirTask}&podium_attempt=1";
        var asked = ourCall with { Body = new JsonObject { ["Url"] = url } };
        var response = await SendAsync(FakeTwilio.AnswerRequest(asked, "human"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var twiml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Single(twiml.Descendants("Hangup"));
        Assert.Empty(twiml.Descendants("Parameter"));
    }

    [Fact]
    public async Task ACallWhoseStatusNeverComes_IsReadBackWithTheLibrary()
    {
        var campaign = await CampaignAsync(maxCallSeconds: 60);
        await using var _ = campaign.Fake;
        var runId = await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(2) });
        await App.RunEngineAsync();
        var placed = campaign.Fake.Placed.ToList();
        campaign.Fake.EndedOnRead[placed[0].Id] = Ending.Completed;
        campaign.Fake.EndedOnRead[placed[1].Id] = Ending.Voicemail;

        await App.AdvanceAsync(TimeSpan.FromMinutes(4));
        var tasks = await TasksAsync(campaign.Org, campaign.Space, runId);
        Assert.Equal(["completed", "voicemail"], tasks.Select(t => t!["outcome"]?.GetValue<string>()).OfType<string>().Order().ToArray());
        var completed = tasks.Single(t => t!["outcome"]!.GetValue<string>() == "completed")!["output"]!;
        Assert.Equal(42, completed["duration"]!.GetValue<int>());
        Assert.Equal(0.013m, completed["cost"]!.GetValue<decimal>());
        Assert.Empty(campaign.Fake.Violations);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CallerId_IsABridgeNumberOfTheAgentsAccount_TheSameForAPerson_UnlessRotated(bool rotate)
    {
        var campaign = await CampaignAsync(new { max_attempts = 2, on = new[] { "busy" }, backoff_seconds = 60 });
        await using var _ = campaign.Fake;
        var admin = campaign.Org.Client(App, campaign.Org.Admin);
        if (rotate)
        {
            var runtime = campaign.Fake.RuntimeSettings;
            runtime["type"] = "twilio";
            runtime["provider_config_id"] = campaign.ConfigId;
            runtime["rotate_caller_id"] = true;
            await ApiAssert.Ok(await admin.PatchJson($"{Prefix}/agents/{campaign.Agent}/", new { runtime }), "Agent updated successfully");
        }
        var other = Configuration(campaign.Fake);
        other["name"] = "Another Twilio account";
        other["account_sid"] = "AC" + new string('f', 32);
        var otherId = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/providers-configurations/", other), HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
        await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/bridges/", new { name = "Out", slug = "out", agents = new[] { campaign.Agent } }), HttpStatusCode.Created);
        string[] ours = ["+15005550011", "+15005550012", "+15005550013"];
        foreach (var number in ours)
            await ApiAssert.Ok(await admin.PostJson($"{Prefix}/telephony/bridges/out/connect-provider/", new { provider_config_id = campaign.ConfigId, phone_number = number }), "Provider connected to bridge successfully.");
        await ApiAssert.Ok(await admin.PostJson($"{Prefix}/telephony/bridges/out/connect-provider/", new { provider_config_id = otherId, phone_number = "+15005550099" }), "Provider connected to bridge successfully.");

        // Contacts 20 to 29 are busy in the script: each is called twice.
        await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(30)[20..] });
        await App.RunEngineAsync();
        foreach (var call in campaign.Fake.Placed.ToList()) await FinishAsync(campaign, call, Ending.Busy, botReports: true);
        await App.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(20, campaign.Fake.Placed.Count);

        Assert.Empty(campaign.Fake.Violations);
        var byPerson = campaign.Fake.Placed.GroupBy(c => c.ToNumber).ToDictionary(g => g.Key, g => g.Select(c => Text(c.Body["From"])!).ToList());
        Assert.All(byPerson.Values.SelectMany(n => n), from => Assert.Contains(from, ours));
        Assert.True(byPerson.Values.SelectMany(n => n).Distinct().Count() > 1, "the bridge's numbers are not shared among the contacts");
        if (rotate) Assert.Contains(byPerson.Values, n => n.Distinct().Count() == 2);
        else Assert.All(byPerson.Values, n => Assert.Single(n.Distinct()));
    }

    [Fact]
    public async Task ThroughTheOrganizationsTrunk_TwilioDialsItsSipAddress_WithItsCredentials()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        var trunk = await TrunkAsync(campaign);
        await RuntimeAsync(campaign, r => r["trunk_id"] = trunk);
        await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var call = Assert.Single(campaign.Fake.Placed);
        Assert.Equal("sip:+14155550000@sip.carrier.example:5061;transport=tls", Text(call.Body["To"]));
        Assert.Equal("acme", Text(call.Body["SipAuthUsername"]));
        Assert.Equal(TrunkPassword, Text(call.Body["SipAuthPassword"]));
        Assert.Empty(campaign.Fake.Violations);

        // A trunk an agent dials through cannot be deleted from under it.
        Assert.Equal(HttpStatusCode.Conflict, (await campaign.Org.Client(App, campaign.Org.Admin).DeleteAsync($"{Prefix}/telephony/trunks/{trunk}/")).StatusCode);
    }

    [Fact]
    public async Task AnInvalidNumber_IsAFinalFailure_WithTwiliosCode()
    {
        var campaign = await CampaignAsync(new { max_attempts = 3, on = new[] { "failed" }, backoff_seconds = 0 });
        await using var _ = campaign.Fake;
        campaign.Fake.CreateAnswers.Enqueue(async context =>
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, """{"code":21211,"message":"The 'To' number +14155550000 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}""");
        });
        var runId = await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        await App.AdvanceAsync(TimeSpan.FromMinutes(1));
        var task = (await TasksAsync(campaign.Org, campaign.Space, runId)).Single()!;
        Assert.Equal("failed", task["status"]!.GetValue<string>());
        var reason = task["last_failure_reason"]!.GetValue<string>();
        Assert.Contains("21211", reason, StringComparison.Ordinal);
        Assert.Contains("invalid_number", reason, StringComparison.Ordinal);
        Assert.Empty(campaign.Fake.Placed);
    }
}

/// <summary>LiveKit: busy, unanswered and failed dials end at CreateSIPParticipant; answered ones by webhook and the bot's report.</summary>
public abstract class LiveKitCallTests<TDb>(EngineApp<TDb> app) : TelephonyCallTests<TDb, FakeLiveKit>(app)
    where TDb : TestDatabase, new()
{
    protected override JsonObject Configuration(FakeLiveKit fake) => new()
    {
        ["provider"] = "livekit",
        ["name"] = "LiveKit server",
        ["api_key"] = FakeLiveKit.Key,
        ["api_secret"] = FakeLiveKit.Secret,
    };

    protected override async Task FinishAsync(Campaign campaign, PlacedCall placed, Ending ending, bool botReports)
    {
        if (ending is not (Ending.Completed or Ending.Voicemail)) return;
        var job = campaign.Fake.Dispatches[placed.Id];
        var now = App.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(FakeLiveKit.JoinedEvent(placed, campaign.EventsUrl, now))).StatusCode);
        if (ending == Ending.Voicemail)
        {
            // The agent's own machine detection: the bot reports first, then the line ends.
            await BotReportsAsync(job["podium_callback_url"]!.GetValue<string>(), job["podium_callback_token"]!.GetValue<string>(), "voicemail");
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(campaign.Fake.EndEvent(placed, ending, campaign.EventsUrl, now))).StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(campaign.Fake.EndEvent(placed, ending, campaign.EventsUrl, now))).StatusCode);
        if (botReports) await BotReportsAsync(job["podium_callback_url"]!.GetValue<string>(), job["podium_callback_token"]!.GetValue<string>(), "completed");
    }

    [Fact]
    public async Task ThroughTheOrganizationsTrunk_LiveKitDialsAnInlineTrunk_AndTheBotGetsTheVoiceProfile()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        var trunk = await TrunkAsync(campaign);
        await RuntimeAsync(campaign, r =>
        {
            r.Remove("sip_trunk_id");
            r["trunk_id"] = trunk;
        });
        await VoiceAsync(campaign);
        await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var call = Assert.Single(campaign.Fake.Placed);
        Assert.Null(call.Body["sipTrunkId"]);
        var inline = call.Body["trunk"]!;
        Assert.Equal("sip.carrier.example:5061", Text(inline["hostname"]));
        Assert.Equal("SIP_TRANSPORT_TLS", Text(inline["transport"]));
        Assert.Equal("acme", Text(inline["authUsername"]));
        Assert.Equal(TrunkPassword, Text(inline["authPassword"]));
        Assert.Equal("US", Text(inline["destinationCountry"]));
        var voice = campaign.Fake.Dispatches[call.Id]["voice"]!;
        Assert.Equal("voice_asha", Text(voice["tts_voice"]));
        Assert.Equal("Hello from Asha.", Text(voice["greeting"]));
        Assert.Empty(campaign.Fake.Violations);

        // Both trunks at once is refused.
        await ApiAssert.Invalid(await campaign.Org.Client(App, campaign.Org.Admin).PatchJson($"{Prefix}/agents/{campaign.Agent}/",
            new { runtime = new { type = "livekit", provider_config_id = campaign.ConfigId, agent_name = "podium-agent", sip_trunk_id = FakeLiveKit.Trunk, trunk_id = trunk } }), "runtime.trunk_id");
    }

    [Fact]
    public async Task AResumedAttempt_AsksLiveKitForItsRoom_BeforeDialling()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        var runId = await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var placed = Assert.Single(campaign.Fake.Placed);
        var task = (await TasksAsync(campaign.Org, campaign.Space, runId)).Single()!;
        var taskId = task["task_id"]!.GetValue<string>();
        await using var scope = App.Scope(out var db);
        var settings = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Agents).Single(a => a.Handle == campaign.Agent).Settings;
        var runtime = App.Services.GetServices<Podium.Server.Engine.Runtimes.IAgentRuntime>().OfType<Podium.Server.Engine.Runtimes.LiveKit.LiveKitRuntime>().Single();
        Podium.Server.Engine.Runtimes.AgentCall Resumed(int attempt) => new(taskId, runId, attempt, "", new JsonObject { ["contact_number"] = placed.ToNumber },
            Podium.Data.Entities.ExecutionType.Call, campaign.Agent, "Resumed", settings, [], "token", CallerNumber: "+15005550002", OrganizationId: campaign.Org.Id,
            Resumed: true, ToNumber: placed.ToNumber);

        // The room of attempt 1 exists: the call was under way, and is not dialled again.
        var underWay = await runtime.ExecuteAsync(Resumed(1), TestContext.Current.CancellationToken);
        Assert.True(underWay.Accepted);
        Assert.Equal(placed.Id, underWay.ProviderCallId);
        Assert.Single(campaign.Fake.Placed);
        // No room for attempt 2: nothing was created, so it is placed now.
        var fresh = await runtime.ExecuteAsync(Resumed(2), TestContext.Current.CancellationToken);
        Assert.True(fresh.Accepted);
        Assert.Equal($"podium-{taskId}-2", fresh.ProviderCallId);
        Assert.Equal(2, campaign.Fake.Placed.Count);
        Assert.Empty(campaign.Fake.Violations);
    }

    [Fact]
    public async Task AWebhookWhoseHashIsNotTheBodys_IsRefused()
    {
        var campaign = await CampaignAsync();
        await using var _ = campaign.Fake;
        await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = campaign.Agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var call = Assert.Single(campaign.Fake.Placed);
        var genuine = campaign.Fake.EndEvent(call, Ending.Completed, campaign.EventsUrl, App.Clock.GetUtcNow());
        var body = JsonNode.Parse(await genuine.Content!.ReadAsStringAsync())!.AsObject();
        var tampered = FakeLiveKit.Webhook(campaign.EventsUrl, body, App.Clock.GetUtcNow(), hashOf: "{}");
        await ApiAssert.Error(await SendAsync(tampered), HttpStatusCode.Unauthorized, "Invalid signature.");
        var stale = FakeLiveKit.Webhook(campaign.EventsUrl, body, App.Clock.GetUtcNow().AddMinutes(-30));
        await ApiAssert.Error(await SendAsync(stale), HttpStatusCode.Unauthorized, "Invalid signature.");
    }

    [Fact]
    public async Task WithoutATrunk_TheAgentDials_AndItsReportStandsWhenTheLineSaysNothing()
    {
        var campaign = await CampaignAsync(maxCallSeconds: 60);
        await using var _ = campaign.Fake;
        var admin = campaign.Org.Client(App, campaign.Org.Admin);
        var runtime = campaign.Fake.RuntimeSettings;
        runtime.Remove("sip_trunk_id");
        runtime["type"] = "livekit";
        runtime["provider_config_id"] = campaign.ConfigId;
        runtime["max_call_seconds"] = 60;
        var agent = await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "Self-dialing", state = "published", runtime, retry = new { max_attempts = 1 } }), HttpStatusCode.Created);
        var runId = await CreateRunAsync(campaign.Org, campaign.Space, new { pilot = agent["data"]!["handle"]!.GetValue<string>(), documents = Contacts(1) });
        await App.RunEngineAsync();
        Assert.Empty(campaign.Fake.Placed);
        var (room, job) = Assert.Single(campaign.Fake.Dispatches);
        Assert.Equal("+14155550000", job["to_number"]!.GetValue<string>());
        await BotReportsAsync(job["podium_callback_url"]!.GetValue<string>(), job["podium_callback_token"]!.GetValue<string>(), "completed");

        await App.AdvanceAsync(TimeSpan.FromMinutes(4));
        var task = (await TasksAsync(campaign.Org, campaign.Space, runId)).Single()!;
        Assert.Equal("completed", task["status"]!.GetValue<string>());
        Assert.Equal(room, task["output"]!["call_id"]!.GetValue<string>());
        Assert.Equal("livekit", task["output"]!["provider"]!.GetValue<string>());
        Assert.Equal(2, task["output"]!["transcript"]!.AsArray().Count);
    }
}

public sealed class TwilioCallTestsOnSqlite(EngineApp<Sqlite> app) : TwilioCallTests<Sqlite>(app);

public sealed class TwilioCallTestsOnPostgres(EngineApp<Postgres> app) : TwilioCallTests<Postgres>(app);

public sealed class LiveKitCallTestsOnSqlite(EngineApp<Sqlite> app) : LiveKitCallTests<Sqlite>(app);

public sealed class LiveKitCallTestsOnPostgres(EngineApp<Postgres> app) : LiveKitCallTests<Postgres>(app);
