using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Podium.Server.Engine;
using Podium.Server.Engine.Runtimes.Providers;
using Podium.Server.Engine.Runtimes.Twilio;
using Podium.Server.Features.Agents;
using Podium.Server.Features.Analytics;
using Podium.Server.Features.ApiKeys;
using Podium.Server.Features.Audit;
using Podium.Server.Features.Billing;
using Podium.Server.Features.CallLogs;
using Podium.Server.Features.Calls;
using Podium.Server.Features.Documents;
using Podium.Server.Features.Members;
using Podium.Server.Features.Organizations;
using Podium.Server.Features.Runs;
using Podium.Server.Features.Spaces;
using Podium.Server.Features.Tasks;
using Podium.Server.Features.Telephony.Bridges;
using Podium.Server.Features.Telephony.Numbers;
using Podium.Server.Features.Telephony.Providers;
using Podium.Server.Features.Telephony.Trunks;
using Podium.Server.Features.VoiceProfiles;
using Podium.Server.Features.Webhooks;
using Podium.Server.Observability;
using Podium.Server.Outbound;
using Podium.Server.Storage;
using Podium.Server.WebConsole;

namespace Podium.Server;

/// <summary>The server's services and pipeline, kept out of Program.cs so it stays a table of contents.</summary>
public static class ServerSetup
{
    public const string ApiPrefix = "/api/v2/platform";
    private const string DefaultUrl = "http://127.0.0.1:8000";

    /// <summary>Turns <c>--no-demo</c> into <c>Podium:Demo=false</c>; every other argument is configuration as usual.</summary>
    public static string[] TranslateFlags(string[] args) =>
        args.Select(a => a == "--no-demo" ? "--Podium:Demo=false" : a).ToArray();

    /// <summary>The configured addresses (or the default), and the management port for metrics when one is set.</summary>
    private static void ListenOn(WebApplicationBuilder builder)
    {
        var urls = builder.Configuration["urls"];
        if (string.IsNullOrEmpty(urls) && string.IsNullOrEmpty(builder.Configuration["http_ports"])) urls = DefaultUrl;
        var metrics = builder.Configuration.GetSection("Metrics").Get<MetricsOptions>()?.Url;
        if (metrics is not null) urls = string.IsNullOrEmpty(urls) ? metrics : $"{urls};{metrics}";
        if (!string.IsNullOrEmpty(urls)) builder.WebHost.UseUrls(urls);
    }

    public static WebApplicationBuilder AddPodium(this WebApplicationBuilder builder)
    {
        ListenOn(builder);
        builder.Configuration.AddBuiltInDefaults();
        builder.Logging.ChooseLogFormat(builder.Configuration);

        // First among hosted services: the schema must exist before anything (the Data Protection
        // key ring, the engine) reads the database.
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.AddPodiumDatabase();
        builder.Services.AddOptions<PodiumOptions>().BindConfiguration("Podium").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOperations();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProxySupport(builder.Configuration);
        builder.Services.AddScoped<RouteResource>();
        builder.Services.AddSingleton<ApiKeyUsage>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ApiKeyUsage>());
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddConsoleCookie();
        builder.AddPodiumConsole();
        builder.Services.AddAuthorization();
        builder.Services.AddPodiumRateLimits();
        builder.Services.AddPodiumOpenApi();
        builder.Services.AddOptions<OrganizationsOptions>().BindConfiguration("Organizations").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration("ApiKeys").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<BillingOptions>().BindConfiguration("Billing").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ProviderSecrets>();
        builder.Services.AddSingleton<TrunkPasswords>();
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration("Webhooks");
        builder.Services.AddOutboundClient(WebhookSender.ClientName, TimeSpan.FromMinutes(2));
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        builder.AddEngine();
        builder.AddPodiumTelemetry();
        builder.Services.AddHealthChecks().AddDbContextCheck<PodiumDb>(tags: ["ready"]);
        return builder;
    }

    public static WebApplication UsePodium(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PodiumOptions>>().Value;
        app.UseProxySupport();
        app.UseRequestId();
        app.UseConsoleHeaders();
        // Then: the management port answers nothing but /metrics, and /metrics nothing but its token.
        app.UseMetricsGate();
        app.UseApiErrors();
        app.UseNulFreeQueries();
        app.UseBodySizeLimit(options.MaxRequestBodyBytes);
        app.UseAuthentication();
        app.UsePodiumRateLimits();
        app.UseAuthorization();
        app.UseAntiforgery();

        // Probes are not clients: they are never throttled.
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).DisableRateLimiting();
        app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready"), ResultStatusCodes = { [HealthStatus.Unhealthy] = 503 } })
            .DisableRateLimiting();

        app.UsePodiumTelemetry();
        app.MapOpenApi(OpenApiSetup.DocumentPath).DisableRateLimiting();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.SwaggerEndpoint(OpenApiSetup.DocumentPath, "Podium API");
            o.DocumentTitle = "Podium API reference";
        });
        var api = app.MapGroup(ApiPrefix).RequireAuthorization();
        api.MapOrganizations();
        api.MapMembers();
        api.MapInvitations();
        api.MapSpaces();
        api.MapAgents();
        api.MapApiKeys();
        api.MapTasks();
        api.MapRunCreation();
        api.MapRuns();
        api.MapAgentWork();
        api.MapCollections();
        api.MapProviders();
        api.MapNumbers();
        api.MapBridges();
        api.MapTrunks();
        api.MapVoiceProfiles();
        api.MapCalls();
        api.MapCallLogs();
        api.MapBilling();
        api.MapAnalytics();
        api.MapAuditLog();
        api.MapWebhooks();
        app.MapTaskResults();
        app.MapProviderEvents();
        app.MapTwiml();
        app.MapPodiumConsole();
        return app;
    }
}
