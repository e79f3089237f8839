namespace Podium.Server.Outbound;

/// <summary>
/// Reads an answer's body up to a limit, so memory stays flat whatever a receiver sends: a declared
/// length over the limit is refused before reading, and an undeclared one is cut off at the limit.
/// </summary>
public static class BoundedBody
{
    /// <returns>The body, or null when it is longer than <paramref name="limit"/> bytes.</returns>
    public static async Task<byte[]?> ReadAsync(HttpResponseMessage response, int limit, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        return await ReadAsync(stream, response.Content.Headers.ContentLength, limit, ct);
    }

    /// <summary>Reads <paramref name="stream"/> (a request's body, say) the same way.</summary>
    /// <returns>The bytes, or null when they are more than <paramref name="limit"/>.</returns>
    public static async Task<byte[]?> ReadAsync(Stream stream, long? declaredLength, int limit, CancellationToken ct)
    {
        if (declaredLength > limit) return null;
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static string Describe(int limit) => limit >= 1024 * 1024 ? $"{limit / (1024 * 1024)} MiB" : $"{limit / 1024} KiB";
}
