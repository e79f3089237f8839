using System.Security.Cryptography;

namespace Podium.Server.Features.Runs;

/// <summary>
/// Idempotency-Key on task creation: the same key and body within 24 hours replays the first
/// answer (with <c>Idempotent-Replayed: true</c>); the same key with another body is a 409.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>What the request asked for, hashed with the space it was sent to.</summary>
    public static byte[] Fingerprint(JsonSerializerOptions json, string spaceToken, CreateTaskRequest request)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, json);
        return SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(spaceToken + "\n"), .. body]);
    }
}
