using System.Security.Cryptography;
using System.Text;

namespace Podium.Server.Tests.Infrastructure;

/// <summary>What a receiver does with Podium's signature: <c>t=…,v1=…</c> checked against HMAC-SHA256 of "t.body".</summary>
public static class Signatures
{
    /// <summary>Whether any of the header's <c>v1</c> values (several while a secret is rotated) is the HMAC made with <paramref name="secret"/>.</summary>
    public static bool Verify(string secret, string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
        var t = parts.FirstOrDefault(p => p[0] == "t")?[1];
        if (t is null) return false;
        var expected = Encoding.UTF8.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"))));
        return parts.Where(p => p[0] == "v1").Any(p => CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(p[1])));
    }

    public static int Count(string header) => header.Split(',').Count(p => p.StartsWith("v1=", StringComparison.Ordinal));
}
