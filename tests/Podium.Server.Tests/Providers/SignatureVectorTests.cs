using System.Text;
using Podium.Server.Engine.Runtimes.Providers;

namespace Podium.Server.Tests.Providers;

/// <summary>The providers' published signature test vectors.</summary>
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
}
