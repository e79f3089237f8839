using System.Security.Cryptography;
using System.Text;

namespace Podium.Server.Features.Common;

/// <summary>Random public identifiers in the formats the Unpod docs show.</summary>
public static class Identifiers
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>20 uppercase alphanumerics, e.g. T6ZN4WQK9JX2BC7LGPR5.</summary>
    public static string OrganizationToken() => RandomNumberGenerator.GetString(Upper, 20);

    /// <summary>24 uppercase alphanumerics, e.g. 8KZAMRAHSXXXXXXMAYNASMJC.</summary>
    public static string SpaceToken() => RandomNumberGenerator.GetString(Upper, 24);

    /// <summary>"space-agent-" and 24 lowercase alphanumerics, as in the docs' examples.</summary>
    public static string AgentHandle() => "space-agent-" + RandomNumberGenerator.GetString(Lower, 24);

    /// <summary>A URL-friendly name with a random tail, e.g. "abcd-evals-3ivqicbp".</summary>
    public static string Slug(string name, int maxStem = 200)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
            if (builder.Length >= maxStem) break;
        }
        var stem = builder.ToString().Trim('-');
        var tail = RandomNumberGenerator.GetString(Lower, 8);
        return stem.Length == 0 ? tail : $"{stem}-{tail}";
    }
}
