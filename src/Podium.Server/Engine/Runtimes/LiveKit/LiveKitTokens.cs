using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Podium.Server.Engine.Runtimes.LiveKit;

/// <summary>
/// LiveKit's access tokens: HS256 JWTs signed with the API secret, the API key as issuer. Podium mints one
/// per server API request (the grants that request needs, ten minutes), and checks the ones LiveKit signs
/// its webhooks with (issuer, signature, lifetime, and the <c>sha256</c> claim over the raw body).
/// </summary>
public static class LiveKitTokens
{
    /// <summary>HS256 keys shorter than this are refused by the token library (and are weak).</summary>
    public const int MinimumSecretLength = 32;

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(10);

    public static string Mint(string apiKey, string apiSecret, DateTimeOffset now, string grant, IDictionary<string, object> grants) =>
        Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = apiKey,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(10).UtcDateTime,
            Claims = new Dictionary<string, object> { [grant] = grants },
            SigningCredentials = new SigningCredentials(Key(apiSecret), SecurityAlgorithms.HmacSha256),
        });

    /// <summary>True when <paramref name="token"/> is LiveKit's, for this key, now, and for exactly <paramref name="body"/>.</summary>
    public static async Task<bool> VerifyWebhookAsync(string token, string apiKey, string apiSecret, byte[] body, DateTimeOffset now)
    {
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = apiKey,
            ValidateAudience = false,
            IssuerSigningKey = Key(apiSecret),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            // Podium's clock, not the machine's: the engine may run on a test clock.
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } end && now.UtcDateTime <= end + Skew && (notBefore is not { } start || now.UtcDateTime >= start - Skew),
        });
        if (!result.IsValid || !result.Claims.TryGetValue("sha256", out var claimed) || claimed is not string hash) return false;
        var actual = Convert.ToBase64String(SHA256.HashData(body));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(actual), Encoding.ASCII.GetBytes(hash));
    }

    private static SymmetricSecurityKey Key(string secret) => new(Encoding.UTF8.GetBytes(secret));
}
