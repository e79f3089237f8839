using Podium.Server.Engine;
using Podium.Server.Outbound;

namespace Podium.Server.Http;

/// <summary>A request argument that can check itself; <see cref="ValidationFilter"/> runs it.</summary>
public interface IValidatable
{
    void Validate(ValidationErrors errors);
}

/// <summary>
/// What a request may ask for on this server: the operator's ceilings (engine settings a tenant may set)
/// and the outbound address policy, so validation answers a 400 the operator's settings explain.
/// </summary>
public sealed class RequestLimits(IOptions<EngineOptions> engine, AddressPolicy outbound)
{
    /// <summary>The built-in defaults, for checks made outside a server (tests, tools).</summary>
    public static readonly RequestLimits Default = new(Options.Create(new EngineOptions()), new AddressPolicy(Options.Create(new OutboundOptions())));

    public EngineOptions Engine => engine.Value;
    public AddressPolicy Outbound => outbound;
}

public static class RequestLimitsSetup
{
    /// <summary>The limits and the policy they read, for the server and the admin commands alike.</summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOutboundPolicy();
        services.AddOptions<EngineOptions>().BindConfiguration("Engine");
        services.AddSingleton<RequestLimits>();
        return services;
    }
}

/// <summary>Field errors keyed as the client wrote them (e.g. <c>documents[2].contact_number</c>).</summary>
public sealed class ValidationErrors(RequestLimits? limits = null)
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public RequestLimits Limits { get; } = limits ?? RequestLimits.Default;

    public bool Any => _errors.Count > 0;

    /// <summary>The number of fields with errors.</summary>
    public int Count => _errors.Count;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }

    public void Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, "This field is required.");
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
            Add(field, $"Ensure this field has no more than {max} characters.");
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}

/// <summary>The checks every way into an operation (API, console, admin commands) makes on its request.</summary>
public static class RequestValidation
{
    public static void Check(IValidatable? request, ValidationErrors errors)
    {
        request?.Validate(errors);
        NulCharacters.Check(request, "", errors);
    }

    /// <summary>The 400 to answer, or null when the request is valid.</summary>
    public static ApiError? Refusal(IValidatable? request, RequestLimits limits)
    {
        var errors = new ValidationErrors(limits);
        Check(request, errors);
        return errors.Any ? Api.Validation(errors.ToDictionary()) : null;
    }
}

/// <summary>Answers 400 in the envelope when any validatable argument reports errors.</summary>
public sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // An operation that checks its own request is not checked twice.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<OperationValidates>() is not null) return await next(context);
        var errors = new ValidationErrors(context.HttpContext.RequestServices.GetRequiredService<RequestLimits>());
        foreach (var argument in context.Arguments.OfType<IValidatable>())
            RequestValidation.Check(argument, errors);
        return errors.Any ? Api.Validation(errors.ToDictionary()) : await next(context);
    }
}

/// <summary>Marks an endpoint whose operation runs the request's checks itself, as it does for every entry point.</summary>
public sealed class OperationValidates
{
    public static readonly OperationValidates Instance = new();
}

public static class OperationValidatesSetup
{
    public static RouteHandlerBuilder ValidatedByOperation(this RouteHandlerBuilder builder) => builder.WithMetadata(OperationValidates.Instance);
}
