namespace Podium.Server.Http;

/// <summary>
/// A URL as someone who may not see its credentials sees it: user info and query values replaced by
/// <c>***</c> (agent and SIP URLs often carry a token in either), the fragment dropped. Works on the
/// text, so <c>sip:user:secret@host</c> is redacted as well as <c>https://user:secret@host/?token=…</c>.
/// </summary>
public static class UrlRedaction
{
    private const string Hidden = "***";

    public static string? Redact(string? url)
    {
        if (url is null) return null;
        if (url.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0) url = url[..hash];
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var head = question >= 0 ? url[..question] : url;
        var query = question >= 0
            ? "?" + string.Join('&', url[(question + 1)..].Split('&').Select(pair => pair.Length == 0 ? pair : pair.Split('=', 2)[0] + "=" + Hidden))
            : "";

        var scheme = head.IndexOf("://", StringComparison.Ordinal) is var slashes and >= 0 ? slashes + 3 : head.IndexOf(':', StringComparison.Ordinal) + 1;
        var authorityEnd = head.IndexOf('/', scheme) is var path and >= 0 ? path : head.Length;
        var at = authorityEnd > scheme ? head.LastIndexOf('@', authorityEnd - 1, authorityEnd - scheme) : -1;
        if (at >= scheme)
        {
            var userInfo = head[scheme..at];
            head = head[..scheme] + (userInfo.Contains(':', StringComparison.Ordinal) ? $"{Hidden}:{Hidden}" : Hidden) + head[at..];
        }
        return head + query;
    }
}
