using Podium.Server.Storage;

namespace Podium.Server.Admin;

/// <summary>
/// What one admin command runs with: the server's own configuration and database
/// registration, a scoped <see cref="PodiumDb"/>, and the writers it reports to.
/// </summary>
public sealed class AdminContext : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = CreateJson();
    private readonly IHost _host;
    private readonly AsyncServiceScope _scope;

    private AdminContext(IHost host, TextWriter output, TextWriter error, bool json)
    {
        _host = host;
        _scope = host.Services.CreateAsyncScope();
        Output = output;
        Error = error;
        AsJson = json;
    }

    public PodiumDb Db => _scope.ServiceProvider.GetRequiredService<PodiumDb>();

    /// <summary>What the operations run with; enter an organization first (<see cref="EnterAsync"/>).</summary>
    public OperationContext Operations => _scope.ServiceProvider.GetRequiredService<OperationContext>();

    public T Service<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();
    public IDataProtectionProvider Protection => _scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>();
    public DateTime Now => _host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
    public TextWriter Output { get; }
    public TextWriter Error { get; }
    public bool AsJson { get; }

    public static async Task<AdminContext> OpenAsync(
        IEnumerable<KeyValuePair<string, string?>> settings, TextWriter output, TextWriter error, bool json, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = StartupDefaults.ContentRoot([]) });
        builder.Configuration.AddInMemoryCollection(settings);
        // Admin output is for scripts: framework logging stays out of stdout.
        builder.Logging.ClearProviders();
        builder.AddPodiumDatabase();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOperations();
        var context = new AdminContext(builder.Build(), output, error, json);
        if (context._host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.AutoMigrate)
            await context.Db.Database.MigrateAsync(ct);
        return context;
    }

    /// <summary>Prints the result: JSON with --json, else the human line.</summary>
    public int Report<T>(T value, string human)
    {
        Output.WriteLine(AsJson ? JsonSerializer.Serialize(value, Json) : human);
        return 0;
    }

    /// <summary>Prints a failure on stderr, with field errors, and gives the exit code 1.</summary>
    public int Fail(ApiError error)
    {
        Error.WriteLine($"error: {error.Message}");
        foreach (var (field, messages) in error.Errors ?? new Dictionary<string, string[]>())
            Error.WriteLine($"  {field}: {string.Join(" ", messages)}");
        return 1;
    }

    public int Fail(string message) => Fail(new ApiError(StatusCodes.Status400BadRequest, message));

    /// <summary>Runs the same checks as the HTTP endpoint; null when the request is valid.</summary>
    public ApiError? Check(IValidatable request) => RequestValidation.Refusal(request, _host.Services.GetRequiredService<RequestLimits>());

    /// <summary>
    /// Scopes the command to an organization: as the member <paramref name="asEmail"/> (with that member's
    /// role and visibility), or as the operator, an admin who is no user. Null with the reason when refused.
    /// </summary>
    public async Task<(Organization? Organization, string? Refusal)> EnterAsync(string handle, string? asEmail, CancellationToken ct)
    {
        var normalized = handle.Trim().ToLowerInvariant();
        if (await Db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.DomainHandle == normalized, ct) is not { } organization) return (null, "Organization not found");
        var tenant = Service<Tenant>();
        if (asEmail is null)
        {
            tenant.ResolveAsOperator(organization);
            Db.TenantId = organization.Id;
            return (organization, null);
        }
        var address = asEmail.Trim().ToLowerInvariant();
        var user = await Db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == address, ct);
        if (user is null || !await TenantScope.ResolveAsync(Db, tenant, user.Id, m => m.OrganizationId == organization.Id, ct))
            return (null, $"{address} is not a member of {organization.DomainHandle}");
        return (organization, null);
    }

    public int Finish<T>(Outcome<T> outcome, Func<T, (object Json, string Human)> describe)
    {
        if (outcome.Error is not null) return Fail(outcome.Error);
        var (json, human) = describe(outcome.Value!);
        return Report(json, human);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        _host.Dispose();
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        ApiJson.Configure(options);
        return options;
    }
}
