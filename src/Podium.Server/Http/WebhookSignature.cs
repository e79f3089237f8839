using System.Security.Cryptography;
using System.Text;

namespace Podium.Server.Http;

/// <summary>
/// The one signature Podium puts on what it POSTs (agent calls and event webhooks):
/// <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>, with one <c>v1</c> per signing secret
/// while a rotated secret is in its grace period.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Podium-Signature";

    public static string Create(IReadOnlyList<string> secrets, byte[] body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return $"t={timestamp}," + string.Join(',', secrets.Select(s => "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(s), signed))));
    }
}
