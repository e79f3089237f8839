using System.Net;
using System.Text.RegularExpressions;

namespace Podium.Server.Tests.WebConsole;

/// <summary>
/// A browser without a browser: a cookie jar and forms over real HTTP. Posts carry the antiforgery
/// token of the page they came from, as a browser's would.
/// </summary>
public sealed partial class ConsoleUser : IDisposable
{
    private readonly HttpClient _http;

    public ConsoleUser(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    public async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> GetAsync(string path)
    {
        var response = await _http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>Posts a form of the page at <paramref name="page"/>: its antiforgery token, the handler name and the fields.</summary>
    public async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> PostFormAsync(
        string page, string formName, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null, bool withToken = true)
    {
        var (_, html, _) = await GetAsync(tokenFrom ?? page);
        var values = new List<KeyValuePair<string, string>> { new("_handler", formName) };
        if (withToken) values.Add(new("__RequestVerificationToken", Token(html)));
        values.AddRange(fields);
        var response = await _http.PostAsync(page, new FormUrlEncodedContent(values));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public async Task<HttpResponseMessage> SignInAsync(string key)
    {
        var (status, html, response) = await PostFormAsync("/console/sign-in", "sign-in", [new("Input.ApiKey", key)]);
        return response;
    }

    public static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => _http.Dispose();
}
