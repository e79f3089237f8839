using System.Net;
using System.Text.Json.Nodes;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Sdk;

/// <summary><c>client.voice_profiles.list/get</c>, which unwrap twice, and the admin side that makes the profiles.</summary>
public abstract class SdkVoiceProfileTests<TDb>(LoggedEngineApp<TDb> app) : EngineTestBase<TDb>(app), IClassFixture<LoggedEngineApp<TDb>>
    where TDb : TestDatabase, new()
{
    private const string P = SdkTransport.Platform;

    private SdkTransport Sdk(TestOrg org, TestUser user) => new(App.Client(), user.Key, org.Handle);

    private async Task<string> CreateAsync(TestOrg org, object body) =>
        (await ApiAssert.Envelope(await org.Client(App, org.Admin).PostJson($"{P}/voice-profiles/", body), HttpStatusCode.Created, "Voice profile created successfully."))
            ["data"]!["data"]!["profile_id"]!.GetValue<string>();

    [Fact]
    public async Task ListAndGet_DoubleWrapped_WithStringIds_AndTheLanguageFilter()
    {
        var (org, _, _) = await SetUpAsync();
        var asha = await CreateAsync(org, new
        {
            name = "Asha",
            language = "hi-IN",
            languages = new[] { "en-IN" },
            gender = "female",
            tts_provider = "elevenlabs",
            tts_voice = "voice_asha",
            tts_model = "eleven_turbo_v2_5",
            stt_provider = "deepgram",
            stt_model = "nova-3",
            stt_languages = new[] { "hi", "en" },
            greeting_message = "Namaste!",
            quality = "premium",
            estimated_cost_per_min_usd = 0.12m,
            latency_ms = 650,
            voice_speed = 1.1,
        });
        await CreateAsync(org, new { name = "Sam", language = "en-US", tts_provider = "cartesia", tts_voice = "sam" });
        Assert.Matches("^VP[0-9a-f]{24}$", asha);

        var sdk = Sdk(org, org.Viewer);
        var listed = await sdk.GetAsync($"{P}/voice-profiles/");
        Assert.Equal(200, listed.Status);
        // The real wire shape: {"status_code","message","data":{"data":[...]}}.
        Assert.IsType<JsonArray>(listed.Body()["data"]!["data"]);
        var profiles = listed.Data(unwraps: 2);
        SdkModels.VoiceProfile.CheckList(profiles);
        Assert.Equal(["Asha", "Sam"], profiles!.AsArray().Select(p => p!["name"]!.GetValue<string>()));

        var english = (await sdk.GetAsync($"{P}/voice-profiles/?language=en")).Data(unwraps: 2)!.AsArray();
        Assert.Equal(["Asha", "Sam"], english.Select(p => p!["name"]!.GetValue<string>()));
        var hindi = (await sdk.GetAsync($"{P}/voice-profiles/?language=hi-IN")).Data(unwraps: 2)!.AsArray();
        Assert.Equal(["Asha"], hindi.Select(p => p!["name"]!.GetValue<string>()));

        var one = await sdk.GetAsync($"{P}/voice-profiles/{asha}/");
        var profile = one.Data(unwraps: 2);
        SdkModels.VoiceProfile.Check(profile);
        Assert.Equal(asha, profile!["profile_id"]!.GetValue<string>());
        Assert.Equal(asha, profile["id"]!.GetValue<string>());
        Assert.Equal(["hi-IN", "en-IN"], profile["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(0.12m, profile["estimated_cost_per_min_usd"]!.GetValue<decimal>());
        Assert.Equal(650, profile["latency_ms"]!.GetValue<int>());
        Assert.Equal("Namaste!", profile["greeting_message"]!.GetValue<string>());
        Assert.Equal(org.Handle, profile["project_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminsChange_MembersRead_OtherOrganizationsGet404()
    {
        var (org, _, agent) = await SetUpAsync();
        var id = await CreateAsync(org, new { name = "Asha", language = "hi-IN", tts_provider = "elevenlabs", tts_voice = "voice_asha" });
        var member = org.Client(App, org.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostJson($"{P}/voice-profiles/", new { name = "X", language = "en", tts_provider = "a", tts_voice = "b" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PatchJson($"{P}/voice-profiles/{id}/", new { name = "Y" })).StatusCode);
        Assert.Equal(200, (await Sdk(org, org.Member).GetAsync($"{P}/voice-profiles/{id}/")).Status);

        var admin = org.Client(App, org.Admin);
        var changed = await ApiAssert.Ok(await admin.PatchJson($"{P}/voice-profiles/{id}/", new { tts_voice = "voice_asha_2", greeting_message = "" }), "Voice profile updated successfully.");
        Assert.Equal("voice_asha_2", changed["data"]!["data"]!["tts_voice"]!.GetValue<string>());
        Assert.Null(changed["data"]!["data"]!["greeting_message"]);
        await ApiAssert.Invalid(await admin.PostJson($"{P}/voice-profiles/", new { name = "Bad", language = "english!", tts_provider = "a", tts_voice = "b" }), "language");
        await ApiAssert.Invalid(await admin.PostJson($"{P}/voice-profiles/", new { name = "Bad", language = "en" }), "tts_voice");

        // An agent speaks with the profile; the profile cannot be deleted under it.
        var updated = await ApiAssert.Ok(await admin.PatchJson($"{P}/agents/{agent}/", new { voice_profile_id = id }), "Agent updated successfully");
        Assert.Equal(id, updated["data"]!["voice_profile_id"]!.GetValue<string>());
        await ApiAssert.Invalid(await admin.PatchJson($"{P}/agents/{agent}/", new { voice_profile_id = "VPnope" }), "voice_profile_id");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"{P}/voice-profiles/{id}/")).StatusCode);
        await ApiAssert.Ok(await admin.PatchJson($"{P}/agents/{agent}/", new { voice_profile_id = "" }), "Agent updated successfully");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{P}/voice-profiles/{id}/")).StatusCode);

        var other = await TestOrg.CreateAsync(App);
        var theirs = await CreateAsync(other, new { name = "Theirs", language = "en", tts_provider = "a", tts_voice = "b" });
        Assert.Equal(404, (await Sdk(org, org.Admin).GetAsync($"{P}/voice-profiles/{theirs}/")).Status);
        Assert.Empty((await Sdk(org, org.Admin).GetAsync($"{P}/voice-profiles/")).Data(unwraps: 2)!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchJson($"{P}/voice-profiles/{theirs}/", new { name = "Mine" })).StatusCode);
        await ApiAssert.Invalid(await admin.PatchJson($"{P}/agents/{agent}/", new { voice_profile_id = theirs }), "voice_profile_id");
    }
}

public sealed class SdkVoiceProfileTestsOnSqlite(LoggedEngineApp<Sqlite> app) : SdkVoiceProfileTests<Sqlite>(app);

public sealed class SdkVoiceProfileTestsOnPostgres(LoggedEngineApp<Postgres> app) : SdkVoiceProfileTests<Postgres>(app);
