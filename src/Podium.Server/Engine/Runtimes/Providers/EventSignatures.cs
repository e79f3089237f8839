using System.Security.Cryptography;
using System.Text;

namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>The HMAC checks the providers' signatures come down to, compared in constant time.</summary>
public static class EventSignatures
{
    /// <summary>Lowercase hex HMAC-SHA256 of <paramref name="message"/> with the UTF-8 bytes of <paramref name="key"/>.</summary>
    public static string HexHmacSha256(string key, byte[] message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), message));

    public static bool SameText(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    /// <summary>The bytes of <paramref name="prefix"/> followed by <paramref name="body"/> (and <paramref name="suffix"/>).</summary>
    public static byte[] Join(string prefix, byte[] body, string suffix = "")
    {
        var head = Encoding.UTF8.GetBytes(prefix);
        var tail = Encoding.UTF8.GetBytes(suffix);
        var message = new byte[head.Length + body.Length + tail.Length];
        head.CopyTo(message, 0);
        body.CopyTo(message, head.Length);
        tail.CopyTo(message, head.Length + body.Length);
        return message;
    }

    /// <summary>The value after <c>name=</c> in a comma-separated header such as <c>t=1,v0=ab</c>.</summary>
    public static string? Part(string header, string name)
    {
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
            if (part.StartsWith(name + "=", StringComparison.Ordinal)) return part[(name.Length + 1)..];
        return null;
    }
}
