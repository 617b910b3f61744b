using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Reporting.National;
using RedesPlataforma.Testing;
using static RedesPlataforma.Reporting.Figures.Catalog;

namespace RedesPlataforma.Reporting.Tests;

/// <summary>
/// What a reader of the national figures knows, stated here apart from the suppression's own relations: in each table
/// an additive column adds up to its total row; producers = women + men in every row; unique producers are the producers
/// less the registrations of people another institution already counts, a number the reader is assumed to know (none,
/// where institutions work apart), so each gives the other away; and every table's totals are the summary's.
/// </summary>
public static class NationalObserver
{
    public static PublishedSet Of(IEnumerable<ReportTable> tables) => new(
        [.. tables.Select(Seen)],
        ReportTables.TotalKey,
        All.Where(f => f.Additive).Select(f => f.Key).ToHashSet(),
        [(Catalog.Producers.Key, [FemaleProducers.Key, MaleProducers.Key]), (Catalog.Producers.Key, [UniqueProducers.Key])]);

    /// <summary>The reader of the whole national dashboard.</summary>
    public static PublishedSet Of(NationalDashboard dashboard) => Of([dashboard.Summary, .. dashboard.Tables]);

    private static PublishedTable Seen(ReportTable table) => new(table.Name, [.. table.Columns.Select(c => c.Key)],
        [.. table.Rows.Append(table.Total).Select(r => new PublishedRow(r.Key, r.Suppressed.ToHashSet()))]);
}
