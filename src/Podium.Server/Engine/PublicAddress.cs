using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Podium.Server.Engine;

/// <summary>
/// The base URL agents and people reach this server at: <c>Podium:PublicUrl</c> when set (behind a
/// proxy it must be), else the first address the server listens on.
/// </summary>
public sealed class PublicAddress(IOptions<PodiumOptions> options, IServer server)
{
    public string BaseUrl => (options.Value.PublicUrl ?? Listening()).TrimEnd('/');

    /// <summary>Where an agent or a bot posts a task's result later, with the task's callback token.</summary>
    public string TaskResultUrl(string taskId) => $"{BaseUrl}{ServerSetup.ApiPrefix}/tasks/{Uri.EscapeDataString(taskId)}/result/";

    private string Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:8000";
        foreach (var wildcard in new[] { "://[::]", "://0.0.0.0", "://+", "://*" })
            address = address.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
        return address;
    }
}
