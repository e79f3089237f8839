using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Podium.Server.Observability;

/// <summary>
/// OpenTelemetry: traces of HTTP requests, outgoing agent calls, database commands and engine work;
/// metrics of requests, the runtime and the engine, scraped at <c>/metrics</c>; OTLP export of both
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>OpenTelemetry:OtlpEndpoint</c>) is set. Log
/// lines carry the trace and span ids of the work they describe.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>The tags of HTTP client metrics that say nothing about whom was called.</summary>
    private static readonly string[] ClientTags = ["http.request.method", "http.response.status_code", "error.type", "url.scheme", "network.protocol.version"];

    public static WebApplicationBuilder AddPodiumTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PodiumTelemetry>();
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration("Metrics").ValidateDataAnnotations().ValidateOnStart();
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var otlp = builder.Configuration["OpenTelemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        // Spans cost on every database command; without somewhere to send them they are only made when asked for.
        var tracing = !string.IsNullOrEmpty(otlp) || builder.Configuration.GetValue<bool>("OpenTelemetry:Tracing");
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("podium", serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId));
        if (tracing)
            telemetry.WithTracing(t =>
            {
                t.AddSource(PodiumTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments(MetricsPath))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation();
                if (!string.IsNullOrEmpty(otlp)) t.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            });
        telemetry.WithMetrics(m =>
            {
                m.AddMeter(PodiumTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    // Outgoing requests go to tenants' endpoints: their host names and ports stay out of the metrics.
                    .AddView(i => i.Meter.Name is "System.Net.Http" or "System.Net.NameResolution" ? new MetricStreamConfiguration { TagKeys = ClientTags } : null)
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (!string.IsNullOrEmpty(otlp)) m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            });
        return builder;
    }

    public static WebApplication UsePodiumTelemetry(this WebApplication app)
    {
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        app.Services.GetRequiredService<PodiumTelemetry>().ObserveQueue(() =>
        {
            using var scope = scopes.CreateScope();
            var now = clock.GetUtcNow().UtcDateTime;
            return scope.ServiceProvider.GetRequiredService<PodiumDb>().Tasks.IgnoreQueryFilters()
                .Where(TaskStates.Waiting).LongCount(t => t.DueAt <= now);
        });
        var metrics = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (metrics.Served) app.MapPrometheusScrapingEndpoint(MetricsPath).DisableRateLimiting();
        return app;
    }
}
