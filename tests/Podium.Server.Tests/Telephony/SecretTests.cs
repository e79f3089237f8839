using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Telephony;

/// <summary>Provider secrets go in and never come out: not in a response, an error, a log line, or the database in the clear.</summary>
public abstract class SecretTests<TDb> : IClassFixture<LoggedApp<TDb>> where TDb : TestDatabase, new()
{
    private const string Prefix = "/api/v2/platform";
    private const string Path = $"{Prefix}/telephony/providers-configurations/";
    private readonly LoggedApp<TDb> _app;

    protected SecretTests(LoggedApp<TDb> app)
    {
        Assert.SkipWhen(app.Database.Unavailable is not null, app.Database.Unavailable ?? "");
        _app = app;
    }

    [Fact]
    public async Task Secrets_NeverAppearInResponsesLogsOrTheDatabase()
    {
        var org = await TestOrg.CreateAsync(_app);
        var admin = org.Client(_app, org.Admin);
        var secrets = Enumerable.Range(0, 8).Select(i => $"SECRET{i}-{Guid.NewGuid():N}").ToArray();
        var bodies = new StringBuilder();

        async Task<HttpResponseMessage> Record(Task<HttpResponseMessage> call)
        {
            var response = await call;
            bodies.Append(response.Headers).Append(response.Content.Headers).Append(await response.Content.ReadAsStringAsync()).Append('\n');
            return response;
        }

        var created = await Record(admin.PostJson(Path, new { provider = "twilio", account_sid = "ACsecret", auth_token = secrets[0] }));
        var id = (await ApiAssert.Envelope(created, HttpStatusCode.Created))["data"]!["id"]!.GetValue<int>();
        await Record(admin.PostJson(Path, new { name = "Old shape", provider = 5, api_key = secrets[1], api_secret = secrets[2] }));
        await Record(admin.PatchJson($"{Path}{id}/", new { auth_token = secrets[3] }));
        // Errors that carry a secret in the request: a duplicate, a bad type next to it, an oversized one, broken JSON.
        await Record(admin.PostJson(Path, new { provider = "twilio", account_sid = "ACsecret", auth_token = secrets[4], name = "Dup" }));
        await Record(admin.PostRaw(Path, $"{{\"provider\": \"twilio\", \"auth_token\": \"{secrets[5]}\", \"account_sid\": 5}}"));
        await Record(admin.PostRaw(Path, $"{{\"provider\": \"twilio\", \"account_sid\": \"x\", \"auth_token\": \"{secrets[6]}{new string('x', 1000)}\"}}"));
        await Record(admin.PostRaw(Path, $"{{\"provider\": \"twilio\", \"auth_token\": \"{secrets[7]}\""));
        await Record(admin.PostRaw($"{Path}{id}/", $"{{\"auth_token\": \"{secrets[7]}\"}}"));
        // Every read of the configurations and what they connect to.
        await Record(admin.GetAsync(Path));
        await Record(admin.GetAsync($"{Path}{id}/"));
        await Record(admin.PostJson($"{Prefix}/telephony/bridges/", new { name = "B", slug = "b" }));
        await Record(admin.PostJson($"{Prefix}/telephony/bridges/b/connect-provider/", new { provider_config_id = id, phone_number = "+14155550100" }));
        await Record(admin.GetAsync($"{Prefix}/telephony/bridges/"));
        await Record(admin.GetAsync($"{Prefix}/telephony/bridges/b/"));
        await Record(admin.GetAsync($"{Prefix}/telephony/numbers/?state=all"));

        var text = bodies.ToString();
        var logs = _app.Logs.All;
        // The capture sees everything, down to the SQL the database ran.
        Assert.Contains("Executed DbCommand", logs, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }

        await using var scope = _app.Scope(out var db, org.Id);
        var stored = await db.ProviderConfigurations.Select(c => c.ProtectedSecrets).ToListAsync();
        Assert.All(stored, s => Assert.DoesNotContain("SECRET", s!, StringComparison.Ordinal));
        // The key ring that decrypts them is itself encrypted in the database.
        var ring = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.Contains("KeyRingDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
        });
    }
}

public sealed class SecretTestsOnSqlite(LoggedApp<Sqlite> app) : SecretTests<Sqlite>(app);

public sealed class SecretTestsOnPostgres(LoggedApp<Postgres> app) : SecretTests<Postgres>(app);
