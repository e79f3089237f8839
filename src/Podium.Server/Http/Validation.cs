namespace Podium.Server.Http;

/// <summary>A request argument that can check itself; <see cref="ValidationFilter"/> runs it.</summary>
public interface IValidatable
{
    void Validate(ValidationErrors errors);
}

/// <summary>Field errors keyed as the client wrote them (e.g. <c>documents[2].contact_number</c>).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

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

/// <summary>Answers 400 in the envelope when any validatable argument reports errors.</summary>
public sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new ValidationErrors();
        foreach (var argument in context.Arguments.OfType<IValidatable>())
        {
            argument.Validate(errors);
            NulCharacters.Check(argument, "", errors);
        }
        return errors.Any ? Api.Validation(errors.ToDictionary()) : await next(context);
    }
}
