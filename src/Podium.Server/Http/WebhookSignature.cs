using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Podium.Server.Http;

/// <summary>
/// The one signature Podium puts on what it POSTs (agent calls and event webhooks):
/// <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Podium-Signature";

    public static string Create(string secret, byte[] body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return $"t={timestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))}";
    }
}
