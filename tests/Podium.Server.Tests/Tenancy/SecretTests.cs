using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Podium.Server.Features.Webhooks;
using Podium.Server.Http;
using Podium.Server.Tests.Infrastructure;
using Podium.Server.Tests.WebConsole;

namespace Podium.Server.Tests.Tenancy;

/// <summary>Credentials in URLs are for admins' eyes, and signing secrets rotate without a gap.</summary>
public abstract class SecretTests<TDb>(EngineApp<TDb> app) : EngineTests<TDb>(app) where TDb : TestDatabase, new()
{
    private const string CredentialedUrl = "https://bot:pa55word@agent.example.test/calls?token=abc123&region=eu#frag";

    [Fact]
    public async Task AnAgentUrlsCredentials_AreShownToAdminsOnly_InTheApiAndTheConsole()
    {
        var (org, _, _) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var agent = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "Hook", runtime = new { type = "webhook", url = CredentialedUrl } }),
            HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();
        await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/telephony/providers-configurations/",
            new { provider = "livekit", api_key = "k", api_secret = "a-livekit-secret-of-32-characters-at-least", base_url = "https://lk:pa55word@livekit.example.test/?token=abc123" }), HttpStatusCode.Created);

        var whole = await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/agents/{agent}/"), "Agent fetched successfully");
        Assert.Equal(CredentialedUrl, whole["data"]!["runtime"]!["url"]!.GetValue<string>());
        foreach (var user in new[] { org.Member, org.Viewer })
        {
            var client = org.Client(App, user);
            var one = await ApiAssert.Ok(await client.GetAsync($"{Prefix}/agents/{agent}/"), "Agent fetched successfully");
            Assert.Equal("https://***:***@agent.example.test/calls?token=***&region=***", one["data"]!["runtime"]!["url"]!.GetValue<string>());
            foreach (var path in new[] { "agents/", $"agents/{agent}/", "telephony/providers-configurations/" })
            {
                var text = await (await client.GetAsync($"{Prefix}/{path}")).Content.ReadAsStringAsync();
                Assert.DoesNotContain("pa55word", text, StringComparison.Ordinal);
                Assert.DoesNotContain("abc123", text, StringComparison.Ordinal);
            }
            using var browser = new ConsoleUser(App.Client().BaseAddress!);
            await browser.SignInAsync(user.Key);
            foreach (var page in new[] { "agents", $"agents/{agent}", "telephony" })
            {
                var html = (await browser.GetAsync($"/console/{org.Handle}/{page}")).Html;
                Assert.DoesNotContain("pa55word", html, StringComparison.Ordinal);
                Assert.DoesNotContain("abc123", html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task ARotatedAgentSecret_SignsBesideTheNewOne_DuringTheGracePeriodOnly()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (org, space, _) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var created = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "Hook", state = "published", runtime = new { type = "webhook", url = receiver.Url } }),
            HttpStatusCode.Created))["data"]!;
        var (agent, old) = (created["handle"]!.GetValue<string>(), created["webhook_secret"]!.GetValue<string>());

        await ApiAssert.Invalid(await admin.PostJson($"{Prefix}/agents/{agent}/rotate-secret/", new { grace_hours = 169 }), "grace_hours");
        var rotated = (await ApiAssert.Ok(await admin.PostJson($"{Prefix}/agents/{agent}/rotate-secret/", new { grace_hours = 1 }), "Agent secret rotated successfully"))["data"]!;
        var fresh = rotated["webhook_secret"]!.GetValue<string>();
        Assert.NotEqual(old, fresh);
        Assert.NotNull(rotated["previous_secret_expires_at"]);
        Assert.Null((await ApiAssert.Ok(await admin.GetAsync($"{Prefix}/agents/{agent}/"), "Agent fetched successfully"))["data"]!["webhook_secret"]);

        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var during = Assert.Single(receiver.Calls);
        Assert.Equal(2, Signatures.Count(during.Signature));
        Assert.True(Signatures.Verify(old, during.Signature, during.Raw));
        Assert.True(Signatures.Verify(fresh, during.Signature, during.Raw));

        await App.AdvanceAsync(TimeSpan.FromHours(2));
        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        await App.RunEngineAsync();
        var after = receiver.Calls.Last();
        Assert.Equal(1, Signatures.Count(after.Signature));
        Assert.True(Signatures.Verify(fresh, after.Signature, after.Raw));
        Assert.False(Signatures.Verify(old, after.Signature, after.Raw));

        var simulated = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/agents/", new { name = "Sim" }), HttpStatusCode.Created))["data"]!["handle"]!.GetValue<string>();
        await ApiAssert.Error(await admin.PostAsync($"{Prefix}/agents/{simulated}/rotate-secret/", null), HttpStatusCode.Conflict, "Only a webhook agent has a signing secret.");
    }

    [Fact]
    public async Task ARotatedEventSecret_SignsBesideTheNewOne_DuringTheGracePeriodOnly()
    {
        await using var receiver = await EventReceiver.StartAsync();
        var (org, space, agent) = await SetUpAsync();
        var admin = org.Client(App, org.Admin);
        var created = (await ApiAssert.Envelope(await admin.PostJson($"{Prefix}/webhooks/", new { url = receiver.Url, event_types = new[] { "run.created" } }), HttpStatusCode.Created))["data"]!;
        var (id, old) = (created["id"]!.GetValue<int>(), created["secret"]!.GetValue<string>());
        var fresh = (await ApiAssert.Ok(await admin.PostAsync($"{Prefix}/webhooks/{id}/rotate-secret/", null), "Webhook secret rotated successfully"))["data"]!["secret"]!.GetValue<string>();
        var sender = App.Services.GetRequiredService<WebhookSender>();

        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        await sender.DeliverDueAsync(default);
        var during = Assert.Single(receiver.Events);
        Assert.True(Signatures.Verify(old, during.Signature, during.Raw) && Signatures.Verify(fresh, during.Signature, during.Raw));

        App.Clock.Advance(TimeSpan.FromHours(RotateSecretRequest.DefaultGraceHours + 1));
        await CreateRunAsync(org, space, new { pilot = agent, documents = Contacts(1) });
        await sender.DeliverDueAsync(default);
        var after = receiver.Events.Last();
        Assert.True(Signatures.Verify(fresh, after.Signature, after.Raw));
        Assert.False(Signatures.Verify(old, after.Signature, after.Raw));
    }
}

public sealed class SecretTestsOnSqlite(EngineApp<Sqlite> app) : SecretTests<Sqlite>(app);

public sealed class SecretTestsOnPostgres(EngineApp<Postgres> app) : SecretTests<Postgres>(app);

public sealed class UrlRedactionTests
{
    [Theory]
    [InlineData("https://agent.example.test/calls", "https://agent.example.test/calls")]
    [InlineData("https://bot:pa55@agent.example.test:8443/calls", "https://***:***@agent.example.test:8443/calls")]
    [InlineData("https://token@agent.example.test/", "https://***@agent.example.test/")]
    [InlineData("https://agent.example.test/calls?key=abc&debug", "https://agent.example.test/calls?key=***&debug=***")]
    [InlineData("https://agent.example.test/calls#secret", "https://agent.example.test/calls")]
    [InlineData("https://agent.example.test/a@b", "https://agent.example.test/a@b")]
    [InlineData("sip:trunk:pa55@sip.example.test", "sip:***:***@sip.example.test")]
    [InlineData("", "")]
    public void Redact_HidesUserInfoAndQueryValues(string url, string shown) => Assert.Equal(shown, UrlRedaction.Redact(url));
}
