using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Providers;

/// <summary>What a scripted call comes to, in Podium's terms; each fake names it in its own provider's words.</summary>
public enum Ending
{
    Completed,
    Voicemail,
    Busy,
    NoAnswer,
    Failed,
}

/// <summary>A call the fake was asked to place: the request as it came, and when.</summary>
public sealed record PlacedCall(string Id, string ToNumber, JsonObject Body, DateTime At);

/// <summary>
/// An in-process stand-in for a hosted voice-agent provider, following its published contract: it checks
/// the path, the auth header and the required fields of every request (a broken one is a contract
/// violation the test sees), answers with the documented bodies, and builds the provider's signed events.
/// </summary>
public abstract class FakeProvider : IAsyncDisposable
{
    private WebApplication? _server;
    private int _sequence;

    public const string ApiKey = "fake-api-key-0123456789";
    public const string WebhookSecret = "fake-webhook-secret-0123456789";

    /// <summary>Podium's provider slug, as the catalogue names it.</summary>
    public abstract string Provider { get; }

    /// <summary>The runtime settings an agent of this provider needs besides its configuration.</summary>
    public abstract JsonObject RuntimeSettings { get; }

    /// <summary>The raw end state the provider reports for each scripted ending.</summary>
    public abstract string Raw(Ending ending);

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<PlacedCall> Placed { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>The calls Podium asked the provider to end, by the provider's id.</summary>
    public ConcurrentQueue<string> HungUp { get; } = new();

    private int _released;
    private int _mostInFlight;

    /// <summary>A call is over for the provider: it is about to report the end.</summary>
    public void Released() => Interlocked.Increment(ref _released);

    /// <summary>The most calls that were placed and not yet over, seen when a call was created.</summary>
    public int MostInFlight => Volatile.Read(ref _mostInFlight);

    /// <summary>Starts counting <see cref="MostInFlight"/> afresh.</summary>
    public void ResetMostInFlight() => Volatile.Write(ref _mostInFlight, 0);

    /// <summary>Records a placed call and the calls in flight with it.</summary>
    protected void Place(PlacedCall call)
    {
        Placed.Enqueue(call);
        var inFlight = Placed.Count - Volatile.Read(ref _released);
        int seen;
        while (inFlight > (seen = Volatile.Read(ref _mostInFlight)) && Interlocked.CompareExchange(ref _mostInFlight, inFlight, seen) != seen)
        {
        }
    }

    /// <summary>Answers for the next create requests, e.g. a 429 with Retry-After; empty means accept.</summary>
    public ConcurrentQueue<Func<HttpContext, Task>> CreateAnswers { get; } = new();

    /// <summary>How a read of each call answers: ended with a raw end state, or still live.</summary>
    public ConcurrentDictionary<string, Ending> EndedOnRead { get; } = new();

    public async Task<FakeProvider> StartAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/warm-up", () => Results.Json(new JsonObject { ["ok"] = true }));
            Map(app);
        });
        BaseUrl = LoopbackServer.Address(_server);
        // The first request compiles the server's pipeline; timed requests must not queue behind that.
        using var client = new HttpClient();
        await client.GetStringAsync($"{BaseUrl}/warm-up");
        return this;
    }

    protected abstract void Map(WebApplication app);

    /// <summary>The provider's terminal event for a call, signed as the provider signs it.</summary>
    public abstract HttpRequestMessage EndEvent(PlacedCall placed, Ending ending, string eventsUrl, DateTimeOffset now);

    /// <summary>The same event with a signature made with the wrong secret.</summary>
    public HttpRequestMessage ForgedEvent(PlacedCall placed, Ending ending, string eventsUrl, DateTimeOffset now)
    {
        var request = EndEvent(placed, ending, eventsUrl, now);
        Forge(request);
        return request;
    }

    /// <summary>Spoils the event's signature.</summary>
    protected abstract void Forge(HttpRequestMessage request);

    protected string NextId(string prefix) => $"{prefix}{Interlocked.Increment(ref _sequence):D5}";

    /// <summary>Records a contract violation unless <paramref name="holds"/>; returns whether it held.</summary>
    protected bool Check(bool holds, string violation)
    {
        if (!holds) Violations.Enqueue(violation);
        return holds;
    }

    /// <summary>Accepts or refuses a create request as scripted; null when it should be accepted.</summary>
    protected async Task<bool> ScriptedAnswerAsync(HttpContext context)
    {
        if (!CreateAnswers.TryDequeue(out var answer)) return false;
        await answer(context);
        return true;
    }

    protected static async Task<JsonObject?> BodyAsync(HttpRequest request) =>
        JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject;

    protected static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    protected static string Hex(string key, string message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(message)));

    protected static HttpRequestMessage Post(string url, string body) =>
        new(HttpMethod.Post, new Uri(url, UriKind.RelativeOrAbsolute)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    protected static IResult Json(JsonObject body, HttpStatusCode status = HttpStatusCode.OK) =>
        Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, (int)status);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
