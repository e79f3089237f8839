using System.Security.Cryptography;
using System.Text;

namespace Podium.Server.Auth;

/// <summary>Makes API keys and their stored form. A key is never stored, only its SHA-256.</summary>
public static class ApiKeySecret
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Scheme = "pdm_";
    public const int PrefixLength = 12;

    /// <summary>A new key: "pdm_" and 40 base-62 characters (about 238 random bits).</summary>
    public static string Generate() => Scheme + RandomNumberGenerator.GetString(Alphabet, 40);

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string Prefix(string key) => key.Length <= PrefixLength ? key : key[..PrefixLength];

    public static bool Matches(byte[] storedHash, byte[] candidateHash) =>
        CryptographicOperations.FixedTimeEquals(storedHash, candidateHash);

    /// <summary>
    /// Reads the key from an Authorization header: "Token k" (documented), "Bearer k", or a bare
    /// key (what the docs' playground sends). Scheme names are case-insensitive.
    /// </summary>
    public static string? FromHeader(string header)
    {
        var value = header.Trim();
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0) return value.Length == 0 ? null : value;
        var scheme = value[..space];
        var key = value[(space + 1)..].Trim();
        var known = scheme.Equals("Token", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);
        return known && key.Length > 0 && !key.Contains(' ', StringComparison.Ordinal) ? key : null;
    }
}
