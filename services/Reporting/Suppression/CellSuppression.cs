namespace RedesPlataforma.Reporting.Suppression;

/// <summary>One published number and how many producers and networks it is built from (null: the threshold does not apply).</summary>
public sealed record GridCell(decimal Value, int? Producers = null, int? Networks = null);

/// <summary>
/// A relation the published tables show: the cell <see cref="Total"/> equals the sum of the <see cref="Parts"/>, give or
/// take a number the reader knows (which changes nothing about what can be solved for).
/// </summary>
public sealed record Additivity(int Total, IReadOnlyList<int> Parts)
{
    public IEnumerable<int> Members => Parts.Prepend(Total);
}

/// <summary>The cells of a table or of tables published together (any shape: indexes are the caller's) and every additive relation among them.</summary>
public sealed record SuppressionGrid(IReadOnlyList<GridCell> Cells, IReadOnlyList<Additivity> Sums);

/// <summary>
/// Small-cell suppression, a pure function of the table (docs/decisions/0007-reporting-read-models.md):
/// <list type="number">
/// <item>Primary: a non-zero cell built from fewer producers or networks than the thresholds is hidden.</item>
/// <item>Secondary: a relation (row or column with its total) with exactly one hidden cell would give that cell away by
/// subtraction, so one more of its cells is hidden: the smallest non-zero part, else the total, else a zero part.
/// Repeated until no relation has exactly one hidden cell.</item>
/// <item>Audit: that rule alone can leave a hidden cell determined by combining several relations (a hidden cell that
/// is the only link between two groups of hidden cells). The hidden cells are solved for as unknowns of the table's
/// linear relations; while any one of them is determined, one more cell next to it is hidden and both steps run again.</item>
/// </list>
/// The result: no hidden value can be computed exactly from the published ones. Not guaranteed: a minimal number of hidden
/// cells, or a minimum width of the interval a hidden value is known to lie in (a complement of 1 leaves its partner
/// known to within 1; knowing all values are non-negative narrows intervals too).
/// </summary>
public static class CellSuppression
{
    private const double Epsilon = 1e-9;

    public static bool IsSensitive(GridCell cell, SuppressionOptions options) =>
        cell.Value != 0 && (cell.Producers < options.MinProducers || cell.Networks < options.MinNetworks);

    /// <summary>The indexes of the cells to hide.</summary>
    public static IReadOnlySet<int> Suppress(SuppressionGrid grid, SuppressionOptions options)
    {
        var hidden = new HashSet<int>(Enumerable.Range(0, grid.Cells.Count).Where(i => IsSensitive(grid.Cells[i], options)));
        var totals = grid.Sums.Select(s => s.Total).ToHashSet();
        while (true)
        {
            HideComplements(grid, hidden, totals);
            var derivable = Derivable(grid, hidden);
            if (derivable.Count == 0) return hidden;
            var neighbours = grid.Sums.Where(s => s.Members.Contains(derivable.Min())).SelectMany(s => s.Members);
            if (Smallest(grid, neighbours, hidden, totals) is not { } next)
                next = Smallest(grid, grid.Sums.Where(s => s.Members.Any(hidden.Contains)).SelectMany(s => s.Members), hidden, totals)
                    ?? throw new InvalidOperationException("A suppressed cell stays derivable with every related cell hidden.");
            hidden.Add(next);
        }
    }

    /// <summary>The hidden cells whose exact value follows from the published cells and the table's relations.</summary>
    public static IReadOnlySet<int> Derivable(SuppressionGrid grid, IReadOnlySet<int> hidden)
    {
        // Hidden cells that share no relation, directly or through other hidden cells, cannot pin each other down:
        // each connected group is solved on its own, which keeps the systems small (a column's cells rarely meet another's).
        var root = hidden.ToDictionary(c => c, c => c);
        int Find(int cell) => root[cell] == cell ? cell : root[cell] = Find(root[cell]);
        var relations = grid.Sums.Select(sum => (Sum: sum, Hidden: sum.Members.Where(hidden.Contains).ToList())).Where(r => r.Hidden.Count > 0).ToList();
        foreach (var (_, members) in relations)
            foreach (var member in members.Skip(1))
                root[Find(member)] = Find(members[0]);

        var determined = new HashSet<int>();
        foreach (var group in relations.GroupBy(r => Find(r.Hidden[0])))
            determined.UnionWith(Determined([.. hidden.Where(c => Find(c) == group.Key).Order()], [.. group.Select(r => r.Sum)]));
        return determined;
    }

    /// <summary>
    /// The unknowns fixed by the relations: in reduced row echelon form an unknown is determined exactly when its
    /// pivot row has no other non-zero entry.
    /// </summary>
    private static IEnumerable<int> Determined(List<int> unknowns, List<Additivity> sums)
    {
        var column = unknowns.Select((cell, i) => (cell, i)).ToDictionary(x => x.cell, x => x.i);
        var rows = sums
            .Select(sum =>
            {
                var row = new double[unknowns.Count];
                if (column.TryGetValue(sum.Total, out var total)) row[total] += 1;
                foreach (var part in sum.Parts)
                    if (column.TryGetValue(part, out var c)) row[c] -= 1;
                return row;
            })
            .Where(row => row.Any(v => Math.Abs(v) > Epsilon))
            .ToList();

        var pivotRow = 0;
        for (var c = 0; c < unknowns.Count && pivotRow < rows.Count; c++)
        {
            var best = Enumerable.Range(pivotRow, rows.Count - pivotRow).MaxBy(r => Math.Abs(rows[r][c]));
            if (Math.Abs(rows[best][c]) <= Epsilon) continue;
            (rows[pivotRow], rows[best]) = (rows[best], rows[pivotRow]);
            var pivot = rows[pivotRow][c];
            for (var k = 0; k < unknowns.Count; k++) rows[pivotRow][k] /= pivot;
            for (var r = 0; r < rows.Count; r++)
            {
                if (r == pivotRow || Math.Abs(rows[r][c]) <= Epsilon) continue;
                var factor = rows[r][c];
                for (var k = 0; k < unknowns.Count; k++) rows[r][k] -= factor * rows[pivotRow][k];
            }
            pivotRow++;
        }
        foreach (var row in rows.Take(pivotRow))
        {
            var nonZero = Enumerable.Range(0, unknowns.Count).Where(k => Math.Abs(row[k]) > Epsilon).ToList();
            if (nonZero.Count == 1) yield return unknowns[nonZero[0]];
        }
    }

    private static void HideComplements(SuppressionGrid grid, HashSet<int> hidden, HashSet<int> totals)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var sum in grid.Sums)
            {
                if (sum.Members.Count(hidden.Contains) != 1 || Smallest(grid, sum.Members, hidden, totals) is not { } complement) continue;
                hidden.Add(complement);
                changed = true;
            }
        }
    }

    /// <summary>
    /// The complement that loses least: the smallest non-zero part; then a non-zero total (the figure readers want
    /// most); then a zero cell, last because a reader may well guess a zero, so hiding one protects least.
    /// </summary>
    private static int? Smallest(SuppressionGrid grid, IEnumerable<int> candidates, HashSet<int> hidden, HashSet<int> totals) =>
        candidates.Distinct().Where(i => !hidden.Contains(i))
            .OrderBy(i => grid.Cells[i].Value == 0)
            .ThenBy(i => totals.Contains(i))
            .ThenBy(i => grid.Cells[i].Value)
            .ThenBy(i => i)
            .Select(i => (int?)i)
            .FirstOrDefault();
}
