namespace Podium.Server.Features.Telephony.Numbers;

/// <summary>A page of numbers in number order, for the API and the console.</summary>
public static class NumberQueries
{
    public static async Task<(List<NumberDto> Page, int Count)> PageAsync(IQueryable<PhoneNumber> numbers, Paging paging, CancellationToken ct)
    {
        var count = await numbers.CountAsync(ct);
        var page = await paging.Apply(numbers.OrderBy(n => n.Number).ThenBy(n => n.Id), pageAll: true).Select(NumberDto.Projection).ToListAsync(ct);
        return (page, count);
    }
}
