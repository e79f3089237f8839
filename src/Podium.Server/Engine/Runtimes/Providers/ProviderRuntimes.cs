using Podium.Data.Entities;

namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>Which runtimes have a provider place the call, and with which provider's configurations.</summary>
public static class ProviderRuntimes
{
    public static string? ProviderOf(AgentRuntime runtime) => runtime switch
    {
        AgentRuntime.Vapi => "vapi",
        AgentRuntime.Retell => "retell",
        AgentRuntime.ElevenLabs => "elevenlabs",
        _ => null,
    };

    public static bool Uses(AgentRuntime runtime) => ProviderOf(runtime) is not null;
}
