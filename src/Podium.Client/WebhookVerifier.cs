using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Podium.Client;

/// <summary>
/// Checks what Podium POSTs to a receiver (event webhooks and webhook agents): the
/// <c>Podium-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c> header must be made
/// with the subscription's secret over the exact body bytes, and <c>t</c> must be within the tolerance
/// (5 minutes by default) of now, so a captured request cannot be replayed later.
/// </summary>
public static class WebhookVerifier
{
    public const string SignatureHeader = "Podium-Signature";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>True when <paramref name="signatureHeader"/> signs <paramref name="body"/> with <paramref name="secret"/>, recently.</summary>
    public static bool IsValid(ReadOnlySpan<byte> body, string? signatureHeader, string secret, TimeSpan? tolerance = null, TimeProvider? clock = null) =>
        Check(body, signatureHeader, secret, tolerance ?? DefaultTolerance, clock ?? TimeProvider.System) is null;

    /// <inheritdoc cref="IsValid(ReadOnlySpan{byte}, string?, string, TimeSpan?, TimeProvider?)"/>
    public static bool IsValid(string body, string? signatureHeader, string secret, TimeSpan? tolerance = null, TimeProvider? clock = null) =>
        IsValid(Encoding.UTF8.GetBytes(body), signatureHeader, secret, tolerance, clock);

    /// <summary>The event in a verified body; throws <see cref="WebhookSignatureException"/> when the signature does not hold.</summary>
    public static WebhookEvent ReadEvent(ReadOnlySpan<byte> body, string? signatureHeader, string secret, TimeSpan? tolerance = null, TimeProvider? clock = null)
    {
        if (Check(body, signatureHeader, secret, tolerance ?? DefaultTolerance, clock ?? TimeProvider.System) is { } problem)
            throw new WebhookSignatureException(problem);
        return JsonSerializer.Deserialize<WebhookEvent>(body, PodiumJson.Options)
            ?? throw new WebhookSignatureException("The body is not an event.");
    }

    /// <inheritdoc cref="ReadEvent(ReadOnlySpan{byte}, string?, string, TimeSpan?, TimeProvider?)"/>
    public static WebhookEvent ReadEvent(string body, string? signatureHeader, string secret, TimeSpan? tolerance = null, TimeProvider? clock = null) =>
        ReadEvent(Encoding.UTF8.GetBytes(body), signatureHeader, secret, tolerance, clock);

    /// <summary>Why the signature does not hold, or null when it does.</summary>
    private static string? Check(ReadOnlySpan<byte> body, string? header, string secret, TimeSpan tolerance, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrWhiteSpace(header)) return $"The {SignatureHeader} header is missing.";

        string? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) continue;
            var (name, value) = (part[..equals], part[(equals + 1)..]);
            if (name == "t") timestamp = value;
            // Several v1 values may come while a secret is being rotated; any one may match.
            else if (name == "v1" && value.Length == 64 && IsHex(value)) signatures.Add(Convert.FromHexString(value));
        }
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return "The signature has no timestamp.";
        if (signatures.Count == 0) return "The signature has no v1 value.";

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if ((clock.GetUtcNow() - signedAt).Duration() > tolerance)
            return "The signature's timestamp is outside the tolerance.";

        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(s, expected)) ? null : "The signature does not match.";
    }

    private static bool IsHex(string value) => value.All(Uri.IsHexDigit);
}

public sealed class WebhookSignatureException(string message) : Exception(message);

/// <summary>What an event webhook delivers: the run or task object is in <see cref="Data"/>.</summary>
public sealed record WebhookEvent
{
    /// <summary>Unique per event; a repeated delivery carries the same id, so receivers can skip what they have seen.</summary>
    public string Id { get; init; } = "";
    public string Type { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public EventOrganization Organization { get; init; } = new();
    public JsonElement Data { get; init; }

    /// <summary>The run of a <c>run.*</c> event.</summary>
    public Run? AsRun() => Type.StartsWith("run.", StringComparison.Ordinal) ? Data.Deserialize<Run>(PodiumJson.Options) : null;

    /// <summary>The task of a <c>task.*</c> event.</summary>
    public PodiumTask? AsTask() => Type.StartsWith("task.", StringComparison.Ordinal) ? Data.Deserialize<PodiumTask>(PodiumJson.Options) : null;
}

public sealed record EventOrganization
{
    public int Id { get; init; }
    public string DomainHandle { get; init; } = "";
}
