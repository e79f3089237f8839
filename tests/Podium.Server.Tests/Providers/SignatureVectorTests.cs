using System.Text;
using Podium.Data.Entities;
using Podium.Server.Engine.Runtimes.Providers;
using Podium.Server.Engine.Runtimes.Retell;
using Podium.Server.Engine.Runtimes.Vapi;

namespace Podium.Server.Tests.Providers;

/// <summary>The providers' published signature test vectors, and their end states mapped as the reference's table says.</summary>
public sealed class SignatureVectorTests
{
    [Fact]
    public void Retell_DigestIsHmacSha256OfBodyThenMilliseconds_WithTheApiKey()
    {
        const string body = """{"event":"call_ended","call":{"call_id":"call_1"}}""";
        var digest = EventSignatures.HexHmacSha256("key_test_123", EventSignatures.Join("", Encoding.UTF8.GetBytes(body), "1714557603120"));
        Assert.Equal("bdeb6b33d1fdca79e23e448f0e2cc7dc421246fcb15c425c7c19785367ce3d3d", digest);
    }

    [Fact]
    public void ElevenLabs_DigestIsHmacSha256OfTimestampDotBody_WithTheWebhookSecret()
    {
        const string body = """{"type":"post_call_transcription","event_timestamp":1714557762,"data":{}}""";
        var digest = EventSignatures.HexHmacSha256("wsec_test_123", EventSignatures.Join("1714557762.", Encoding.UTF8.GetBytes(body)));
        Assert.Equal("ba673deb6af964b3c4326b08fb808cdfa6cfbb9c5ea432512510bacebfd66e85", digest);
    }

    [Theory]
    [InlineData("customer-ended-call", CallOutcomes.Completed, null)]
    [InlineData("exceeded-max-duration", CallOutcomes.Completed, null)]
    [InlineData("voicemail", CallOutcomes.Voicemail, null)]
    [InlineData("customer-busy", CallOutcomes.Busy, null)]
    [InlineData("customer-did-not-answer", CallOutcomes.NoAnswer, null)]
    [InlineData("call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable", CallOutcomes.NoAnswer, null)]
    [InlineData("twilio-reported-customer-misdialed", CallOutcomes.Failed, "invalid_number")]
    [InlineData("vonage-rejected", CallOutcomes.Failed, "rejected")]
    [InlineData("call.in-progress.error-providerfault-outbound-sip-503-service-unavailable", CallOutcomes.Failed, "carrier")]
    [InlineData("call.start.error-subscription-concurrency-limit-reached", CallOutcomes.Failed, "provider_error")]
    [InlineData("manually-canceled", CallOutcomes.Failed, "cancelled")]
    [InlineData("a-value-vapi-adds-next-year", CallOutcomes.Failed, "provider_error")]
    public void Vapi_EndedReasons(string raw, string outcome, string? kind) => Assert.Equal((outcome, kind), VapiOutcomes.Map(raw));

    [Theory]
    [InlineData("user_hangup", CallOutcomes.Completed, null)]
    [InlineData("voicemail_reached", CallOutcomes.Voicemail, null)]
    [InlineData("ivr_reached", CallOutcomes.Voicemail, null)]
    [InlineData("dial_busy", CallOutcomes.Busy, null)]
    [InlineData("dial_no_answer", CallOutcomes.NoAnswer, null)]
    [InlineData("invalid_destination", CallOutcomes.Failed, "invalid_number")]
    [InlineData("user_declined", CallOutcomes.Failed, "rejected")]
    [InlineData("sip_routing_error", CallOutcomes.Failed, "carrier")]
    [InlineData("error_llm_websocket_open", CallOutcomes.Failed, "provider_error")]
    [InlineData("manual_stopped", CallOutcomes.Failed, "cancelled")]
    public void Retell_DisconnectionReasons(string raw, string outcome, string? kind) => Assert.Equal((outcome, kind), RetellOutcomes.Map(raw));
}
