namespace Podium.Client;

/// <summary>One page of a list: its rows and the total <see cref="Count"/> across all pages.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Count, int PageNumber, int PageSize)
{
    public bool HasMore => (long)PageNumber * PageSize < Count && Items.Count > 0;
}

/// <summary>Which page to fetch: <c>page</c> from 1 and <c>page_size</c> 1-500.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultSize)
{
    public const int DefaultSize = 100;
}
