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

    /// <summary>The table's rows, named and ordered, and its total row, every value shown (a tenant's own figures).</summary>
    public static ReportTable Build(TableDefinition table, ReportData data, RowLabels labels) => Publish(Compute(table, data, labels), new HashSet<(int, int)>());

    /// <summary>
    /// Tables published together, with small cells and whatever would give them away hidden over the whole set
    /// (<see cref="SetSuppression"/>).
    /// </summary>
    public static IReadOnlyList<ReportTable> BuildSuppressed(IReadOnlyList<TableDefinition> tables, ReportData data, RowLabels labels, SuppressionOptions options)
    {
        var computed = tables.Select(table => Compute(table, data, labels)).ToList();
        var hidden = SetSuppression.Hide(computed, options);
        return [.. computed.Select((table, t) => Publish(table, hidden[t]))];
    }

    private static ComputedTable Compute(TableDefinition table, ReportData data, RowLabels labels)
    {
        var rows = table.Dimension is { } dimension
            ? data.Rows(dimension)
                .OrderBy(r => labels.SortKey(dimension, r.Key), StringComparer.Ordinal)
                .Select(r => (Key: RowLabels.Key(dimension, r.Key), Label: labels.Label(dimension, r.Key), r.Measures))
                .ToList()
            : [];
        rows.Add((TotalKey, "Total", data.Total));
        return new ComputedTable(table, rows, [.. rows.Select(r => table.Figures.Select(f => f.Value(r.Measures)).ToArray())]);
    }

    private static ReportTable Publish(ComputedTable table, IReadOnlySet<(int Row, int Figure)> hidden)
    {
        var figures = table.Definition.Figures;
        var published = table.Rows.Select((row, r) => new ReportRow(row.Key, row.Label,
            [.. table.Values[r].Select((value, f) => hidden.Contains((r, f)) ? null : value)],
            [.. figures.Where((_, f) => hidden.Contains((r, f))).Select(f => f.Key)])).ToList();
        return new ReportTable(table.Definition.Name, table.Definition.Title, DimensionName(table.Definition.Dimension),
            [.. figures.Select(f => new ReportColumn(f.Key, f.Label))], published[..^1], published[^1]);
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
