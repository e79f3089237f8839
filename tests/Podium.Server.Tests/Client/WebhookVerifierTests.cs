using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Podium.Client;

namespace Podium.Server.Tests.Client;

/// <summary>The client's signature check, against signatures made the way the server makes them.</summary>
public sealed class WebhookVerifierTests
{
    private const string Secret = "whsec_test";
    private const string Body = """{"id":"evt_1","type":"run.completed","created_at":"2026-12-07T10:00:00Z","organization":{"id":1,"domain_handle":"acme"},"data":{"run_id":"r1","status":"completed"}}""";
    private static readonly DateTimeOffset SignedAt = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static string Sign(string body, DateTimeOffset at, string secret = Secret) =>
        Podium.Server.Http.WebhookSignature.Create([secret], Encoding.UTF8.GetBytes(body), at);

    private static FakeTimeProvider ClockAt(DateTimeOffset now) => new(now);

    [Fact]
    public void ASignatureMadeByTheServer_Verifies_AndTheEventReads()
    {
        var header = Sign(Body, SignedAt);
        Assert.True(WebhookVerifier.IsValid(Body, header, Secret, clock: ClockAt(SignedAt.AddSeconds(3))));
        var evt = WebhookVerifier.ReadEvent(Body, header, Secret, clock: ClockAt(SignedAt));
        Assert.Equal(("evt_1", "run.completed", "acme"), (evt.Id, evt.Type, evt.Organization.DomainHandle));
        Assert.Equal(RunStatus.Completed, evt.AsRun()!.Status);
        Assert.Null(evt.AsTask());
    }

    [Fact]
    public void TheToleranceIsFiveMinutes_EitherWay()
    {
        var header = Sign(Body, SignedAt);
        Assert.True(WebhookVerifier.IsValid(Body, header, Secret, clock: ClockAt(SignedAt.AddMinutes(5))));
        Assert.False(WebhookVerifier.IsValid(Body, header, Secret, clock: ClockAt(SignedAt.AddMinutes(5).AddSeconds(1))));
        Assert.False(WebhookVerifier.IsValid(Body, header, Secret, clock: ClockAt(SignedAt.AddMinutes(-6))));
        Assert.True(WebhookVerifier.IsValid(Body, header, Secret, tolerance: TimeSpan.FromHours(1), clock: ClockAt(SignedAt.AddMinutes(30))));
    }

    [Theory]
    [InlineData("tampered body")]
    [InlineData("wrong secret")]
    [InlineData("no header")]
    [InlineData("no timestamp")]
    [InlineData("no v1")]
    [InlineData("garbage")]
    public void AnythingElse_IsRefused_WithAReason(string kind)
    {
        var header = kind switch
        {
            "wrong secret" => Sign(Body, SignedAt, "another"),
            "no header" => "",
            "no timestamp" => Sign(Body, SignedAt).Split(',')[1],
            "no v1" => Sign(Body, SignedAt).Split(',')[0],
            "garbage" => "t=abc,v1=xyz",
            _ => Sign(Body, SignedAt),
        };
        var body = kind == "tampered body" ? Body.Replace("completed", "failed", StringComparison.Ordinal) : Body;
        var clock = ClockAt(SignedAt);
        Assert.False(WebhookVerifier.IsValid(body, header, Secret, clock: clock));
        var error = Assert.Throws<WebhookSignatureException>(() => WebhookVerifier.ReadEvent(body, header, Secret, clock: clock));
        Assert.False(string.IsNullOrEmpty(error.Message));
    }

    [Fact]
    public void AnyOfSeveralV1Values_MayMatch_WhileASecretRotates()
    {
        var good = Sign(Body, SignedAt);
        var timestamp = good.Split(',')[0];
        var stale = Convert.ToHexStringLower(HMACSHA256.HashData("old"u8, Encoding.UTF8.GetBytes(timestamp[2..] + "." + Body)));
        Assert.True(WebhookVerifier.IsValid(Body, $"{timestamp},v1={stale},{good.Split(',')[1]}", Secret, clock: ClockAt(SignedAt)));
    }

    [Fact]
    public void TheBytesAreWhatIsSigned()
    {
        var header = Sign(Body, SignedAt);
        Assert.True(WebhookVerifier.IsValid(Encoding.UTF8.GetBytes(Body), header, Secret, clock: ClockAt(SignedAt)));
        Assert.False(WebhookVerifier.IsValid(Encoding.UTF8.GetBytes(Body + "\n"), header, Secret, clock: ClockAt(SignedAt)));
    }
}
