using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Client;

/// <summary>A request as a stub server saw it.</summary>
public sealed record SeenRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At);

/// <summary>
/// A real HTTP server that records every request and answers with <see cref="Respond"/> (by default an
/// empty success envelope): for what the real server will not do on demand, such as a 503.
/// </summary>
public sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubServer(WebApplication app) => _app = app;

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public Func<SeenRequest, int, IResult> Respond { get; set; } = (_, _) => Ok();

    public Uri BaseUrl => new(LoopbackServer.Address(_app));

    public static IResult Ok(JsonNode? data = null) => Results.Json(new JsonObject { ["status_code"] = 200, ["message"] = "OK", ["data"] = data ?? new JsonObject(), ["count"] = 0 });

    public static async Task<StubServer> StartAsync()
    {
        StubServer? stub = null;
        var app = await LoopbackServer.StartAsync(a => a.Run(async context =>
        {
            var seen = new SeenRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), DateTimeOffset.UtcNow);
            stub!.Requests.Enqueue(seen);
            await stub.Respond(seen, stub.Requests.Count).ExecuteAsync(context);
        }));
        return stub = new StubServer(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
