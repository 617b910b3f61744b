using Microsoft.EntityFrameworkCore;

namespace RedesPlataforma.BuildingBlocks.Persistence;

/// <summary>One page of a list, with the total so clients can draw a pager.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int TotalPages => (TotalCount + PageSize - 1) / PageSize;
}

/// <summary>Paging query parameters, clamped to sane bounds rather than refused.</summary>
public sealed record PageRequest(int? Page, int? PageSize)
{
    public const int MaxPageSize = 200;

    public int Number => Math.Max(1, Page ?? 1);
    public int Size => Math.Clamp(PageSize ?? 25, 1, MaxPageSize);
}

public static class PagingExtensions
{
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((request.Number - 1) * request.Size).Take(request.Size).ToListAsync(cancellationToken);
        return new Page<T>(items, request.Number, request.Size, total);
    }
}
