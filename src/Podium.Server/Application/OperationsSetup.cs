using Microsoft.Extensions.DependencyInjection.Extensions;
using Podium.Server.Engine;
using Podium.Server.Events;
using Podium.Server.Features.ApiKeys;
using Podium.Server.Features.Documents;
using Podium.Server.Features.Runs;

namespace Podium.Server.Application;

public static class OperationsSetup
{
    /// <summary>What the operations run with, for the server and the admin commands alike.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddHttpContextAccessor();
        services.AddRequestLimits();
        services.TryAddSingleton<EngineSignal>();
        services.AddScoped<Tenant>();
        services.AddScoped<CollectionWriter>();
        services.AddScoped<DocumentImport>();
        services.AddScoped<EventOutbox>();
        services.AddScoped<IEventSubjects, RunEventSubjects>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<OperationContext>();
        services.AddOptions<ApiKeyOptions>().BindConfiguration("ApiKeys").ValidateDataAnnotations();
        return services;
    }
}
