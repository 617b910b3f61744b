using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Suppression;

namespace RedesPlataforma.Reporting.Figures;

/// <summary>A table's rows, its total row last, with their measures and values, before anything is hidden.</summary>
public sealed record ComputedTable(TableDefinition Definition, IReadOnlyList<(string Key, string Label, Measures Measures)> Rows, decimal?[][] Values)
{
    public int TotalRow => Rows.Count - 1;

    /// <summary>The figure's column, or -1.</summary>
    public int Column(Figure figure) => Definition.Figures.ToList().FindIndex(f => ReferenceEquals(f, figure));
}

/// <summary>
/// Small-cell suppression of tables published together (docs/decisions/0029): one <see cref="SuppressionGrid"/> of every
/// table's cells, in which a figure's total is a single cell, the same number in every table that shows it (the summary
/// shows nothing else), with every relation a reader of the set knows: an additive column sums to that total, and the
/// <see cref="Catalog.RowRelations"/> hold in every row that shows their figures. Secondary suppression and the audit
/// (<see cref="CellSuppression"/>) so see every combination of tables a reader could make. A ratio is then hidden in
/// every row where one of its inputs is.
/// </summary>
public static class SetSuppression
{
    /// <summary>Per table, the (row, figure) cells to hide.</summary>
    public static IReadOnlyList<HashSet<(int Row, int Figure)>> Hide(IReadOnlyList<ComputedTable> tables, SuppressionOptions options)
    {
        var cells = new List<GridCell>();
        var totals = new Dictionary<string, int>();
        var index = tables.Select(table => Cells(table, cells, totals)).ToList();
        var sums = tables.SelectMany((table, t) => Relations(table, index[t]))
            .DistinctBy(sum => string.Join(',', sum.Members)) // the total row's relations, once for every table that shows them
            .ToList();
        var hidden = CellSuppression.Suppress(new SuppressionGrid(cells, sums), options);
        return [.. tables.Select((table, t) => WithRatios(table, index[t], hidden))];
    }

    /// <summary>The grid cell of each of the table's (row, figure): new cells, except totals already met in another table.</summary>
    private static int[][] Cells(ComputedTable table, List<GridCell> cells, Dictionary<string, int> totals)
    {
        var at = new int[table.Rows.Count][];
        for (var r = 0; r < at.Length; r++)
        {
            at[r] = new int[table.Definition.Figures.Count];
            for (var f = 0; f < at[r].Length; f++)
            {
                var figure = table.Definition.Figures[f];
                if (r == table.TotalRow && totals.TryGetValue(figure.Key, out var shared))
                {
                    at[r][f] = shared;
                    continue;
                }
                var value = table.Values[r][f] ?? 0;
                var (producers, networks) = figure.Contributors(table.Rows[r].Measures, value);
                at[r][f] = cells.Count;
                cells.Add(new GridCell(value, producers, networks));
                if (r == table.TotalRow) totals[figure.Key] = at[r][f];
            }
        }
        return at;
    }

    private static IEnumerable<Additivity> Relations(ComputedTable table, int[][] at)
    {
        // A table without rows (the summary) shows no column sums: only its totals, related row-wise.
        for (var f = 0; f < table.Definition.Figures.Count && table.TotalRow > 0; f++)
            if (table.Definition.Figures[f].Additive)
                yield return new Additivity(at[table.TotalRow][f], [.. Enumerable.Range(0, table.TotalRow).Select(r => at[r][f])]);
        foreach (var (total, parts) in Catalog.RowRelations)
        {
            var columns = parts.Select(table.Column).Prepend(table.Column(total)).ToList();
            if (columns.Any(c => c < 0)) continue;
            foreach (var row in at) yield return new Additivity(row[columns[0]], [.. columns.Skip(1).Select(c => row[c])]);
        }
    }

    private static HashSet<(int Row, int Figure)> WithRatios(ComputedTable table, int[][] at, IReadOnlySet<int> hidden)
    {
        var cells = at.SelectMany((row, r) => row.Select((cell, f) => (r, f, cell))).Where(x => hidden.Contains(x.cell)).Select(x => (x.r, x.f)).ToHashSet();
        foreach (var (figure, f) in table.Definition.Figures.Select((figure, f) => (figure, f)).Where(x => x.figure.Inputs.Count > 0))
            for (var r = 0; r < at.Length; r++)
                if (figure.Inputs.Any(input => table.Column(input) is var c && c >= 0 && cells.Contains((r, c)))) cells.Add((r, f));
        return cells;
    }
}
