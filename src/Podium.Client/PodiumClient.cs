using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Podium.Client;

/// <summary>
/// The Podium API, one property per area: <c>client.Spaces.ListAsync()</c>,
/// <c>client.Tasks.CreateAsync(token, request)</c>, <c>client.Runs.WaitUntilFinishedAsync(token, runId)</c>.
/// Register it with <c>services.AddPodiumClient(...)</c>, or create one with
/// <see cref="Create"/> outside dependency injection. Refusals throw <see cref="PodiumApiException"/>s.
/// </summary>
public sealed class PodiumClient : IDisposable
{
    private readonly PodiumHttp _http;
    private readonly HttpClient? _owned;

    /// <summary>The constructor dependency injection uses: an <see cref="HttpClient"/> from the factory, with the resilience handler.</summary>
    public PodiumClient(HttpClient httpClient, IOptions<PodiumClientOptions> options)
        : this(new PodiumHttp(httpClient, Checked(options.Value), options.Value.OrgHandle), owned: null)
    {
    }

    private PodiumClient(PodiumHttp http, HttpClient? owned)
    {
        _http = http;
        _owned = owned;
        Organizations = new OrganizationsClient(http);
        ApiKeys = new ApiKeysClient(http);
        Invitations = new InvitationsClient(http);
        Spaces = new SpacesClient(http);
        Agents = new AgentsClient(http);
        Tasks = new TasksClient(http);
        Runs = new RunsClient(http);
        Documents = new DocumentsClient(http);
        Providers = new ProvidersClient(http);
        Numbers = new NumbersClient(http);
        Bridges = new BridgesClient(http);
        Trunks = new TrunksClient(http);
        VoiceProfiles = new VoiceProfilesClient(http);
        Calls = new CallsClient(http);
        Reports = new ReportsClient(http);
        Webhooks = new WebhooksClient(http);
        AuditLog = new AuditLogClient(http);
    }

    /// <summary>The organization requests are sent for (the <c>Org-Handle</c> header).</summary>
    public string? OrgHandle => _http.OrgHandle;

    public OrganizationsClient Organizations { get; }
    public ApiKeysClient ApiKeys { get; }
    public InvitationsClient Invitations { get; }
    public SpacesClient Spaces { get; }
    public AgentsClient Agents { get; }
    public TasksClient Tasks { get; }
    public RunsClient Runs { get; }
    public DocumentsClient Documents { get; }
    public ProvidersClient Providers { get; }
    public NumbersClient Numbers { get; }
    public BridgesClient Bridges { get; }
    public TrunksClient Trunks { get; }
    public VoiceProfilesClient VoiceProfiles { get; }
    public CallsClient Calls { get; }
    public ReportsClient Reports { get; }
    public WebhooksClient Webhooks { get; }
    public AuditLogClient AuditLog { get; }

    /// <summary>A client for another organization of the same caller, sharing this one's connection.</summary>
    public PodiumClient ForOrganization(string orgHandle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgHandle);
        return new PodiumClient(_http.WithOrganization(orgHandle), owned: null);
    }

    /// <summary>
    /// A client outside dependency injection, with the same retry policy. Keep it for the application's
    /// lifetime (it holds a connection pool) and dispose it at the end.
    /// </summary>
    public static PodiumClient Create(PodiumClientOptions options, HttpMessageHandler? innerHandler = null)
    {
        Checked(options);
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        PodiumResilience.Configure(pipeline, options);
        var handler = new ResilienceHandler(pipeline.Build())
        {
            InnerHandler = innerHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        // Each attempt has its own timeout in the pipeline; the client-wide one must not cut retries short.
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        return new PodiumClient(new PodiumHttp(http, options, options.OrgHandle), http);
    }

    public void Dispose() => _owned?.Dispose();

    private static PodiumClientOptions Checked(PodiumClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
