using System.Globalization;
using RedesPlataforma.BuildingBlocks.Export;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Suppression;

namespace RedesPlataforma.Reporting.Figures;

public sealed record ReportColumn(string Key, string Label);

/// <summary>One row of a table; <see cref="Values"/> follow the table's columns, null where suppressed or not computable (a ratio over zero).</summary>
public sealed record ReportRow(string Key, string Label, IReadOnlyList<decimal?> Values, IReadOnlyList<string> Suppressed);

/// <summary>A published table: a breakdown by one dimension, with its total row (the figures of everything in the table).</summary>
public sealed record ReportTable(string Name, string Title, string Dimension, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows, ReportRow Total);

/// <summary>What a table shows: rows by <see cref="Dimension"/> (none: just the total row) and these figures as columns.</summary>
public sealed record TableDefinition(string Name, string Title, Dimension? Dimension, IReadOnlyList<Figure> Figures);

/// <summary>How rows are named and ordered; institutions and programmes are named from the read models.</summary>
public sealed class RowLabels(IReadOnlyDictionary<string, string>? names = null)
{
    public string Label(Dimension dimension, string key) => dimension switch
    {
        Cells.Dimension.Region => Regions.Find(key)?.Name ?? key,
        Cells.Dimension.Phase => PhaseLabel(int.Parse(key, CultureInfo.InvariantCulture)),
        Cells.Dimension.Month => key[..7],
        Cells.Dimension.Institution or Cells.Dimension.Programme => names?.GetValueOrDefault(key) ?? key,
        _ => key,
    };

    public static string Key(Dimension dimension, string key) => dimension == Cells.Dimension.Month ? key[..7] : key;

    /// <summary>Phases and months in their natural order, the rest by name.</summary>
    public string SortKey(Dimension dimension, string key) => dimension switch
    {
        Cells.Dimension.Phase => int.Parse(key, CultureInfo.InvariantCulture).ToString("+0;-0", CultureInfo.InvariantCulture),
        Cells.Dimension.Month => key,
        _ => Label(dimension, key),
    };

    private static string PhaseLabel(int phase) => phase switch
    {
        0 => "0 · Preparación / Preparation",
        1 => "1 · Promoción y selección / Promotion and selection",
        2 => "2 · Plan de negocio piloto / Pilot business plan",
        3 => "3 · Plan de negocio estratégico / Strategic business plan",
        4 => "4 · Consolidación / Consolidation",
        _ => "Fase aún no conocida / Phase not known yet",
    };
}

public static class ReportTables
{
    public const string TotalKey = "total";

    /// <summary>
    /// The table's rows and total from the data. With <paramref name="suppression"/>, small cells and their complements are
    /// hidden (<see cref="CellSuppression"/>) over the relations the table shows: each additive column sums to its total,
    /// and producers = women + men in every row; a ratio is hidden with its inputs; <paramref name="forcedTotals"/> names
    /// total-row figures to hide whatever their size (a total hidden in one table is hidden in all).
    /// </summary>
    public static ReportTable Build(TableDefinition table, ReportData data, RowLabels labels,
        SuppressionOptions? suppression = null, IReadOnlySet<string>? forcedTotals = null)
    {
        var rows = table.Dimension is { } dimension
            ? data.Rows(dimension)
                .OrderBy(r => labels.SortKey(dimension, r.Key), StringComparer.Ordinal)
                .Select(r => (Key: RowLabels.Key(dimension, r.Key), Label: labels.Label(dimension, r.Key), r.Measures))
                .ToList()
            : [];
        rows.Add((TotalKey, "Total", data.Total));
        var values = rows.Select(r => table.Figures.Select(f => f.Value(r.Measures)).ToArray()).ToArray();
        var hidden = suppression is null ? [] : Hide(table, rows.Select(r => r.Measures).ToList(), values, suppression, forcedTotals ?? new HashSet<string>());

        var published = rows.Select((row, r) => new ReportRow(row.Key, row.Label,
            [.. values[r].Select((value, f) => hidden.Contains((r, f)) ? null : value)],
            [.. table.Figures.Where((_, f) => hidden.Contains((r, f))).Select(f => f.Key)])).ToList();
        return new ReportTable(table.Name, table.Title, DimensionName(table.Dimension), [.. table.Figures.Select(f => new ReportColumn(f.Key, f.Label))],
            published[..^1], published[^1]);
    }

    private static HashSet<(int Row, int Figure)> Hide(TableDefinition table, List<Measures> rows, decimal?[][] values,
        SuppressionOptions options, IReadOnlySet<string> forcedTotals)
    {
        var width = table.Figures.Count;
        var total = rows.Count - 1;
        int Index(int row, int figure) => row * width + figure;
        int Column(Figure figure) => Enumerable.Range(0, width).FirstOrDefault(f => ReferenceEquals(table.Figures[f], figure), -1);

        var cells = rows.SelectMany((measures, r) => table.Figures.Select((figure, f) =>
        {
            var value = values[r][f] ?? 0;
            var (producers, networks) = figure.Contributors(measures, value);
            return new GridCell(value, producers, networks);
        })).ToList();
        // A table without rows (the summary) relates its totals to nothing but each other.
        var sums = table.Figures.Select((figure, f) => (figure, f)).Where(x => x.figure.Additive && table.Dimension is not null)
            .Select(x => new Additivity(Index(total, x.f), [.. Enumerable.Range(0, total).Select(r => Index(r, x.f))]))
            .ToList();
        var (gender, parts) = Catalog.ProducersByGender;
        if (Column(gender) >= 0 && parts.All(p => Column(p) >= 0))
            sums.AddRange(Enumerable.Range(0, rows.Count).Select(r => new Additivity(Index(r, Column(gender)), [.. parts.Select(p => Index(r, Column(p)))])));
        var forced = table.Figures.Select((figure, f) => (figure, f)).Where(x => forcedTotals.Contains(x.figure.Key)).Select(x => Index(total, x.f));

        var hidden = CellSuppression.Suppress(new SuppressionGrid(cells, sums), options, forced)
            .Select(i => (Row: i / width, Figure: i % width)).ToHashSet();
        foreach (var (figure, f) in table.Figures.Select((figure, f) => (figure, f)).Where(x => x.figure.Inputs.Count > 0))
            for (var r = 0; r < rows.Count; r++)
                if (figure.Inputs.Any(input => Column(input) >= 0 && hidden.Contains((r, Column(input))))) hidden.Add((r, f));
        return hidden;
    }

    /// <summary>The table as a download: a key and a label column, then one column per figure; suppressed cells show the marker.</summary>
    public static ExportTable ToExport(ReportTable table) =>
        new(table.Name, [table.Dimension, "label", .. table.Columns.Select(c => c.Key)],
            table.Rows.Append(table.Total).Select(row => (IReadOnlyList<string?>)
                [row.Key, row.Label, .. row.Values.Select((value, i) => row.Suppressed.Contains(table.Columns[i].Key)
                    ? SuppressionOptions.Marker
                    : value?.ToString(CultureInfo.InvariantCulture))]).ToAsyncEnumerable())
        {
            NumericColumns = Enumerable.Range(2, table.Columns.Count).ToHashSet(),
        };

    private static string DimensionName(Dimension? dimension) => dimension switch
    {
        null => "summary",
        Cells.Dimension.ValueChain => "value_chain",
        _ => dimension.Value.ToString().ToLowerInvariant(),
    };
}
