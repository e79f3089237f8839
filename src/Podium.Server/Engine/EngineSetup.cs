using Microsoft.Extensions.DependencyInjection.Extensions;
using Podium.Server.Engine.Runtimes;
using Podium.Server.Engine.Runtimes.ElevenLabs;
using Podium.Server.Engine.Runtimes.LiveKit;
using Podium.Server.Engine.Runtimes.Providers;
using Podium.Server.Engine.Runtimes.Retell;
using Podium.Server.Engine.Runtimes.Twilio;
using Podium.Server.Engine.Runtimes.Vapi;
using Podium.Server.Outbound;

namespace Podium.Server.Engine;

public static class EngineSetup
{
    /// <summary>The execution engine: dispatcher, claimer, executor, runtimes and their HTTP client.</summary>
    public static IHostApplicationBuilder AddEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EngineOptions>().BindConfiguration("Engine").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<EngineSignal>();
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddScoped<TaskClaimer>();
        builder.Services.AddScoped<TaskCompletion>();
        builder.Services.AddSingleton<TaskExecutor>();
        builder.Services.AddSingleton<IAgentRuntime, SimulatedRuntime>();
        builder.Services.AddSingleton<IAgentRuntime, AgentWebhookRuntime>();
        builder.Services.AddSingleton<ProviderServices>();
        builder.Services.AddScoped<ProviderCalls>();
        builder.Services.AddScoped<TelephonyReports>();
        builder.Services.AddSingleton<CallReconciler>();
        builder.Services.AddSingleton<IAgentRuntime, VapiRuntime>();
        builder.Services.AddSingleton<IAgentRuntime, RetellRuntime>();
        builder.Services.AddSingleton<IAgentRuntime, ElevenLabsRuntime>();
        builder.Services.AddSingleton<TwilioClients>();
        builder.Services.AddSingleton<IAgentRuntime, TwilioRuntime>();
        builder.Services.AddSingleton<IAgentRuntime, LiveKitRuntime>();
        builder.Services.AddSingleton<Dispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Dispatcher>());
        // Attempts are retried by the engine's policy (by outcome, with backoff); inside one attempt only
        // a connection that failed before any answer is tried again. The per-agent timeout is the caller's.
        builder.Services.AddOutboundClient(AgentWebhookRuntime.ClientName, TimeSpan.FromMinutes(11));
        // A call request that reached the provider and lost its answer may have placed the call: only a
        // connection refused before anything was sent is tried again.
        builder.Services.AddOutboundClient(ProviderServices.ClientName, TimeSpan.FromMinutes(2), retryAfterSending: false);
        return builder;
    }
}
