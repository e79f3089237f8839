namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>Which runtimes have a provider place the call, and with which provider's configurations.</summary>
public static class ProviderRuntimes
{
    public static string? ProviderOf(AgentRuntime runtime) => runtime switch
    {
        AgentRuntime.Vapi => "vapi",
        AgentRuntime.Retell => "retell",
        AgentRuntime.ElevenLabs => "elevenlabs",
        AgentRuntime.Twilio => "twilio",
        AgentRuntime.LiveKit => "livekit",
        _ => null,
    };

    public static bool Uses(AgentRuntime runtime) => ProviderOf(runtime) is not null;

    /// <summary>The provider carries only the telephone line; the integrator's bot reports the conversation.</summary>
    public static bool TelephonyOnly(AgentRuntime runtime) => runtime is AgentRuntime.Twilio or AgentRuntime.LiveKit;
}
