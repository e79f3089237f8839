using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static IResult Ok(JsonNode? data = null) => Results.Json(new JsonObject { ["status_code"] = 200, ["message"] = "OK", ["data"] = data ?? new JsonObject(), ["count"] = 0 });

    public static async Task<StubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubServer(app);
        app.Run(async context =>
        {
            var seen = new SeenRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), DateTimeOffset.UtcNow);
            stub.Requests.Enqueue(seen);
            await stub.Respond(seen, stub.Requests.Count).ExecuteAsync(context);
        });
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
