using System.Numerics;

namespace RedesPlataforma.Testing;

/// <summary>
/// An observer of published tables who knows their linear relations (each total is the sum of its parts) and every
/// published value: which hidden values can they compute exactly? Exact integer arithmetic and the rank test "x is
/// determined iff adding the equation x = c does not raise the rank", written apart from any code under test.
/// </summary>
public static class Disclosure
{
    public static IReadOnlyList<T> Recoverable<T>(IEnumerable<(T Total, IReadOnlyList<T> Parts)> relations, IReadOnlySet<T> hidden) where T : notnull
    {
        var unknowns = hidden.ToList();
        var equations = relations.Select(relation => unknowns.Select(u =>
            (BigInteger)((Equals(relation.Total, u) ? 1 : 0) - relation.Parts.Count(p => Equals(p, u)))).ToArray()).ToList();
        var rank = Rank(equations, unknowns.Count);
        return [.. unknowns.Where((_, i) =>
            Rank([.. equations, unknowns.Select((_, k) => k == i ? BigInteger.One : BigInteger.Zero).ToArray()], unknowns.Count) == rank)];
    }

    /// <summary>Relations with exactly one hidden member: that one is their total minus the rest, or the total is the sum.</summary>
    public static IReadOnlyList<(T Total, IReadOnlyList<T> Parts)> WithOneHidden<T>(IEnumerable<(T Total, IReadOnlyList<T> Parts)> relations, IReadOnlySet<T> hidden)
        where T : notnull =>
        [.. relations.Where(r => r.Parts.Append(r.Total).Count(hidden.Contains) == 1)];

    private static int Rank(List<BigInteger[]> matrix, int width)
    {
        var rows = matrix.Select(r => (BigInteger[])r.Clone()).ToList();
        var rank = 0;
        for (var c = 0; c < width && rank < rows.Count; c++)
        {
            var pivot = rows.FindIndex(rank, r => !r[c].IsZero);
            if (pivot < 0) continue;
            (rows[rank], rows[pivot]) = (rows[pivot], rows[rank]);
            for (var r = rank + 1; r < rows.Count; r++)
            {
                if (rows[r][c].IsZero) continue;
                var (a, b) = (rows[rank][c], rows[r][c]);
                rows[r] = [.. rows[r].Select((v, k) => v * a - rows[rank][k] * b)];
            }
            rank++;
        }
        return rank;
    }
}

/// <summary>One published table as a reader sees it: its columns, and its rows (the total row among them) with the columns each hides.</summary>
public sealed record PublishedTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<PublishedRow> Rows);

public sealed record PublishedRow(string Key, IReadOnlySet<string> Hidden);

/// <summary>A cell of a published set: (table, row, column).</summary>
public sealed record PublishedCell(string Table, string Row, string Column);

/// <summary>
/// What a reader knows of several tables published together, as <see cref="Disclosure"/>'s relations: in each table the
/// rows of an additive column add up to its total row; in every row that shows them all, a row relation's total column
/// is the sum of its part columns; and a column's total is the same number in every table that shows it. With one table
/// this is the observer of that table alone; with all of them, of the whole published set.
/// </summary>
public sealed record PublishedSet(
    IReadOnlyList<PublishedTable> Tables,
    string TotalRow,
    IReadOnlySet<string> AdditiveColumns,
    IReadOnlyList<(string Total, IReadOnlyList<string> Parts)> RowRelations)
{
    public IReadOnlyList<(PublishedCell Total, IReadOnlyList<PublishedCell> Parts)> Relations =>
        [.. Tables.SelectMany(ColumnSums), .. Tables.SelectMany(RowSums), .. SameTotals()];

    public IReadOnlySet<PublishedCell> Hidden =>
        Tables.SelectMany(t => t.Rows.SelectMany(r => r.Hidden.Select(column => new PublishedCell(t.Name, r.Key, column)))).ToHashSet();

    /// <summary>The hidden cells the reader computes exactly from everything published.</summary>
    public IReadOnlyList<PublishedCell> Recoverable() => Disclosure.Recoverable(Relations, Hidden);

    public IReadOnlyList<(PublishedCell Total, IReadOnlyList<PublishedCell> Parts)> WithOneHidden() => Disclosure.WithOneHidden(Relations, Hidden);

    private IEnumerable<(PublishedCell, IReadOnlyList<PublishedCell>)> ColumnSums(PublishedTable table)
    {
        var parts = table.Rows.Where(r => r.Key != TotalRow).ToList();
        if (parts.Count == 0) yield break;
        foreach (var column in table.Columns.Where(AdditiveColumns.Contains))
            yield return (new PublishedCell(table.Name, TotalRow, column), [.. parts.Select(r => new PublishedCell(table.Name, r.Key, column))]);
    }

    private IEnumerable<(PublishedCell, IReadOnlyList<PublishedCell>)> RowSums(PublishedTable table) =>
        from relation in RowRelations
        where relation.Parts.Append(relation.Total).All(table.Columns.Contains)
        from row in table.Rows
        select (new PublishedCell(table.Name, row.Key, relation.Total),
            (IReadOnlyList<PublishedCell>)[.. relation.Parts.Select(part => new PublishedCell(table.Name, row.Key, part))]);

    /// <summary>Each table's total of a column equals the first table's: one relation "total = the other total" per pair.</summary>
    private IEnumerable<(PublishedCell, IReadOnlyList<PublishedCell>)> SameTotals() =>
        from column in Tables.SelectMany(t => t.Columns).Distinct()
        let showing = Tables.Where(t => t.Columns.Contains(column)).ToList()
        from other in showing.Skip(1)
        select (new PublishedCell(showing[0].Name, TotalRow, column), (IReadOnlyList<PublishedCell>)[new PublishedCell(other.Name, TotalRow, column)]);
}
