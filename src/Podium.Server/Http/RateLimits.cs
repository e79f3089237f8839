using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Podium.Server.Http;

/// <summary>Request budgets per minute, under the <c>RateLimiting</c> configuration section.</summary>
public sealed class RateLimitingOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per user per minute, across all endpoints and all the user's keys.</summary>
    [Range(1, 1_000_000)]
    public int PerUserPerMinute { get; set; } = 1200;

    /// <summary>Create-task requests per user per minute (each may carry 10,000 documents).</summary>
    [Range(1, 1_000_000)]
    public int CreateTaskPerMinute { get; set; } = 120;

    /// <summary>Requests per client address per minute without a valid key (none, unknown, revoked or expired).</summary>
    [Range(1, 1_000_000)]
    public int PerIpPerMinute { get; set; } = 300;
}

/// <summary>Marks the endpoints that spend the tighter create-task budget.</summary>
public sealed class CreateTaskBudget
{
    public static readonly CreateTaskBudget Instance = new();
}

/// <summary>
/// Fixed one-minute windows from ASP.NET Core's rate limiter: one budget per user, whichever of their
/// keys they use (so more keys buy no more requests), or per address for requests without a valid key;
/// and a second, tighter one for task creation. Every answer
/// says where the caller stands (<c>X-RateLimit-*</c>); the excess gets the contract's 429 with
/// <c>Retry-After</c>.
/// </summary>
public sealed class RateLimits : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly RateLimitingOptions _options;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, long> _windowStarts = new();

    public RateLimits(IOptions<RateLimitingOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        General = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var (key, limit) = GeneralBudget(context);
            return RateLimitPartition.GetFixedWindowLimiter(key, k => Limiter(k, limit));
        });
        CreateTask = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            CreateTaskBudgetOf(context) is var (key, limit)
                ? RateLimitPartition.GetFixedWindowLimiter(key, k => Limiter(k, limit))
                : RateLimitPartition.GetNoLimiter("none"));
    }

    public PartitionedRateLimiter<HttpContext> General { get; }
    public PartitionedRateLimiter<HttpContext> CreateTask { get; }

    private FixedWindowRateLimiterOptions Limiter(string partition, int limit)
    {
        _windowStarts.TryAdd(partition, _clock.GetTimestamp());
        return new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window, QueueLimit = 0, AutoReplenishment = true };
    }

    /// <summary>The user's budget, or the client address's for a request without a valid key.</summary>
    private (string Partition, int Limit) GeneralBudget(HttpContext context) =>
        context.User.FindFirst(Caller.UserIdClaim)?.Value is { } userId
            ? ($"user:{userId}", _options.PerUserPerMinute)
            : ($"ip:{context.Connection.RemoteIpAddress}", _options.PerIpPerMinute);

    /// <summary>The user's create-task budget, on the endpoints that spend it.</summary>
    private (string Partition, int Limit)? CreateTaskBudgetOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<CreateTaskBudget>() is not null && context.User.FindFirst(Caller.UserIdClaim)?.Value is { } userId
            ? ($"create:{userId}", _options.CreateTaskPerMinute)
            : null;

    /// <summary>The budget that binds this request (create-task's where it applies), for the headers.</summary>
    public (int Limit, long Remaining, int ResetSeconds) Standing(HttpContext context)
    {
        var createTask = CreateTaskBudgetOf(context);
        var (partition, limit) = createTask ?? GeneralBudget(context);
        var limiter = createTask is null ? General : CreateTask;
        var remaining = limiter.GetStatistics(context)?.CurrentAvailablePermits ?? limit;
        var started = _windowStarts.GetValueOrDefault(partition, _clock.GetTimestamp());
        var elapsed = _clock.GetElapsedTime(started).Ticks % Window.Ticks;
        return (limit, remaining, (int)Math.Ceiling((Window.Ticks - elapsed) / (double)TimeSpan.TicksPerSecond));
    }

    public void Dispose()
    {
        General.Dispose();
        CreateTask.Dispose();
    }
}

public static class RateLimitSetup
{
    public static IServiceCollection AddPodiumRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration("RateLimiting").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RateLimits>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimits>((options, limits) =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(limits.General, limits.CreateTask);
            options.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await new ApiError(StatusCodes.Status429TooManyRequests, $"Rate limit exceeded. Please try again in {seconds} seconds.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>Authentication first (the budget is the key's), then the limiter, then the headers on every answer.</summary>
    public static IApplicationBuilder UsePodiumRateLimits(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled) return app;
        var limits = app.ApplicationServices.GetRequiredService<RateLimits>();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var (limit, remaining, reset) = limits.Standing(context);
                var headers = context.Response.Headers;
                headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app.UseRateLimiter();
    }
}
