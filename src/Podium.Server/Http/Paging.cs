using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Podium.Server.Http;

/// <summary>
/// The <c>page</c> and <c>page_size</c> query parameters. Lists of small things (spaces, agents,
/// organizations) return everything up to <see cref="AllLimit"/> rows when no page is asked for;
/// the rest default to pages of <see cref="DefaultPageSize"/>.
/// </summary>
public sealed class Paging : IValidatable, IEndpointParameterMetadataProvider
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 500;
    public const int AllLimit = 1000;

    private readonly string? _pageError;
    private readonly string? _pageSizeError;

    private Paging(int? page, int? pageSize, string? pageError, string? pageSizeError)
    {
        Page = page;
        PageSize = pageSize;
        _pageError = pageError;
        _pageSizeError = pageSizeError;
    }

    public int? Page { get; }
    public int? PageSize { get; }

    public static ValueTask<Paging> BindAsync(HttpContext context, ParameterInfo parameter) => ValueTask.FromResult(From(context.Request.Query));

    /// <summary><c>page</c> and <c>page_size</c> read from a query string (an endpoint's, or a console page's).</summary>
    public static Paging From(IQueryCollection query)
    {
        var (page, pageError) = Parse(query["page"], 1, int.MaxValue);
        var (size, sizeError) = Parse(query["page_size"], 1, MaxPageSize);
        return new Paging(page, size, pageError, sizeError);
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        builder.Metadata.Add(new DocumentedQuery("page", "Page number, from 1.", Microsoft.OpenApi.JsonSchemaType.Integer));
        builder.Metadata.Add(new DocumentedQuery("page_size", $"Rows per page, 1-{MaxPageSize}.", Microsoft.OpenApi.JsonSchemaType.Integer));
    }

    public void Validate(ValidationErrors errors)
    {
        if (_pageError is not null) errors.Add("page", _pageError);
        if (_pageSizeError is not null) errors.Add("page_size", _pageSizeError);
    }

    /// <summary>Pages an ordered query; <paramref name="pageAll"/> lists return up to 1,000 rows unpaged.</summary>
    public IQueryable<T> Apply<T>(IQueryable<T> ordered, bool pageAll = false)
    {
        if (pageAll && Page is null && PageSize is null)
            return ordered.Take(AllLimit);
        var size = PageSize ?? DefaultPageSize;
        var skip = ((long)(Page ?? 1) - 1) * size;
        // Past the last row there is nothing to skip to; clamping keeps the SQL parameter an int.
        return ordered.Skip((int)Math.Min(skip, int.MaxValue)).Take(size);
    }

    private static (int? Value, string? Error) Parse(string? raw, int min, int max)
    {
        if (raw is null) return (null, null);
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            return (null, $"Must be a whole number from {min} to {(max == int.MaxValue ? "2147483647" : max.ToString(CultureInfo.InvariantCulture))}.");
        return (value, null);
    }
}
