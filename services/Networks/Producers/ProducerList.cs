using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.Producers;

/// <summary>The producer list's filters and order, shared by the list endpoint, the export and the benchmark.</summary>
public static class ProducerList
{
    private const int MaxSearchWords = 5;

    public static IQueryable<Producer> Filtered(this NetworksDb db, ProducerFilter filter)
    {
        var producers = db.Producers.AsNoTracking();
        if (filter.Region is { Length: > 0 } region) producers = producers.Where(p => p.RegionCode == region);
        if (filter.District is { Length: > 0 } district) producers = producers.Where(p => p.DistrictCode == district);
        if (filter.Gender is { } gender) producers = producers.Where(p => p.Gender == gender);
        if (filter.Active is { } active) producers = producers.Where(p => p.IsActive == active);
        if (filter.Network is { } network)
            producers = producers.Where(p => db.Memberships.Any(m => m.ProducerId == p.Id && m.LeftOn == null && m.NetworkId == network));
        if (filter.Chain is { Length: > 0 } chain)
            producers = producers.Where(p => db.Memberships.Any(m => m.ProducerId == p.Id && m.LeftOn == null
                && db.Networks.Any(n => n.Id == m.NetworkId && n.ValueChainCode == chain)));
        return filter.Search?.Trim() is { Length: > 0 } search ? producers.Searched(search) : producers;
    }

    /// <summary>
    /// An exact DNI, or words that must all appear in the stored search name ("first names last names" lowered and
    /// unaccented by the database), so "huaman" finds "Huamán" and no row is lowered at query time.
    /// </summary>
    private static IQueryable<Producer> Searched(this IQueryable<Producer> producers, string search)
    {
        if (Dni.Normalize(search) is { } dni) return producers.Where(p => p.Dni == dni);
        foreach (var word in FoldedText.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxSearchWords))
        {
            var pattern = $"%{EscapeLike(word)}%";
            producers = producers.Where(p => EF.Functions.Like(p.SearchName, pattern, @"\"));
        }
        return producers;
    }

    public static IOrderedQueryable<Producer> InListOrder(this IQueryable<Producer> producers) =>
        producers.OrderBy(p => p.LastNames).ThenBy(p => p.FirstNames).ThenBy(p => p.Id);

    public static async Task<Page<ProducerSummary>> PageAsync(NetworksDb db, ProducerFilter filter, PageRequest request, CancellationToken ct) =>
        await WithVersionsAsync(db, await PageWithoutVersionsAsync(db, filter, request, ct), ct);

    public static Task<Page<ProducerSummary>> PageWithoutVersionsAsync(NetworksDb db, ProducerFilter filter, PageRequest request, CancellationToken ct) =>
        db.Filtered(filter).InListOrder()
            .Select(p => new ProducerSummary(p.Id, p.Dni, p.FirstNames, p.LastNames, p.Gender, p.BirthYear, p.DistrictCode, p.RegionCode, p.IsActive, ""))
            .ToPageAsync(request, ct);

    /// <summary>
    /// The version (xmin) lives only in the heap: reading it in the page query would end its index-only scan and make a
    /// deep OFFSET visit every skipped row. It is read for this page's rows alone.
    /// </summary>
    public static async Task<Page<ProducerSummary>> WithVersionsAsync(NetworksDb db, Page<ProducerSummary> page, CancellationToken ct)
    {
        var ids = page.Items.Select(p => p.Id).ToList();
        var versions = await db.Producers.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Version })
            .ToDictionaryAsync(p => p.Id, p => p.Version, ct);
        return page with { Items = [.. page.Items.Select(p => p with { Version = Preconditions.Version(versions.GetValueOrDefault(p.Id)) })] };
    }

    private static string EscapeLike(string value) => value.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
