using RedesPlataforma.Reporting.Suppression;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Reporting.Tests;

public sealed class CellSuppressionTests
{
    private static readonly SuppressionOptions Rule = new() { MinProducers = 5, MinNetworks = 3 };

    /// <summary>
    /// A table of producer counts with a total column, a total row and the grand total. Cell (r, c) is at
    /// r × (columns + 1) + c; the totals are column <c>columns</c> and row <c>rows</c>.
    /// </summary>
    private static SuppressionGrid WithMargins(int[,] producers)
    {
        var (rows, columns) = (producers.GetLength(0), producers.GetLength(1));
        int Value(int r, int c) => r < rows && c < columns ? producers[r, c]
            : r < rows ? Enumerable.Range(0, columns).Sum(k => producers[r, k])
            : c < columns ? Enumerable.Range(0, rows).Sum(k => producers[k, c])
            : producers.Cast<int>().Sum();
        var cells = new List<GridCell>();
        for (var r = 0; r <= rows; r++)
            for (var c = 0; c <= columns; c++)
                cells.Add(new GridCell(Value(r, c), Producers: Value(r, c)));
        int At(int r, int c) => r * (columns + 1) + c;
        var sums = Enumerable.Range(0, rows + 1).Select(r => new Additivity(At(r, columns), [.. Enumerable.Range(0, columns).Select(c => At(r, c))]))
            .Concat(Enumerable.Range(0, columns + 1).Select(c => new Additivity(At(rows, c), [.. Enumerable.Range(0, rows).Select(r => At(r, c))])))
            .ToList();
        return new SuppressionGrid(cells, sums);
    }

    private static IEnumerable<(int, IReadOnlyList<int>)> Relations(SuppressionGrid grid) => grid.Sums.Select(s => (s.Total, s.Parts));

    private static void AssertProtected(SuppressionGrid grid, IReadOnlySet<int> hidden)
    {
        Assert.Empty(Disclosure.WithOneHidden(Relations(grid), hidden));
        Assert.Empty(Disclosure.Recoverable(Relations(grid), hidden));
        Assert.Empty(CellSuppression.Derivable(grid, hidden));
        // Totals are the true totals: published relations still add up over the true values.
        Assert.All(grid.Sums, sum => Assert.Equal(grid.Cells[sum.Total].Value, sum.Parts.Sum(p => grid.Cells[p].Value)));
    }

    [Fact]
    public void Primary_suppression_hides_non_zero_cells_below_either_threshold_and_nothing_else()
    {
        var grid = new SuppressionGrid(
        [
            new GridCell(4, Producers: 4), new GridCell(5, Producers: 5), new GridCell(0, Producers: 0),
            new GridCell(1_000m, Producers: 20, Networks: 2), new GridCell(1_000m, Producers: 20, Networks: 3), new GridCell(7),
        ], []);

        Assert.Equal([0, 3], CellSuppression.Suppress(grid, Rule).Order());
    }

    [Fact]
    public void A_column_with_one_small_cell_hides_its_smallest_non_zero_partner_and_keeps_the_total()
    {
        int[] parts = [3, 0, 12, 7, 40];
        var grid = new SuppressionGrid(
            [.. parts.Select(p => new GridCell(p, Producers: p)), new GridCell(parts.Sum(), Producers: parts.Sum())],
            [new Additivity(parts.Length, [.. Enumerable.Range(0, parts.Length)])]);

        var hidden = CellSuppression.Suppress(grid, Rule);

        Assert.Equal([0, 3], hidden.Order());
        AssertProtected(grid, hidden);
    }

    [Fact]
    public void In_a_table_with_margins_primary_and_secondary_suppression_leave_no_cell_recoverable()
    {
        var grid = WithMargins(new[,]
        {
            { 2, 9, 14, 20 },
            { 11, 3, 8, 16 },
            { 15, 12, 10, 4 },
            { 6, 18, 7, 13 },
        });
        int[] primary = [0, 6, 13]; // (0,0) = 2, (1,1) = 3, (2,3) = 4

        var hidden = CellSuppression.Suppress(grid, Rule);

        Assert.Superset(primary.ToHashSet(), hidden.ToHashSet());
        Assert.True(hidden.Count >= 6, $"three primary cells in three rows and columns need at least three complements; hidden: {string.Join(", ", hidden)}");
        Assert.DoesNotContain(24, hidden); // the grand total is still published
        AssertProtected(grid, hidden);
        // Without the complements, each primary cell is a row total minus the rest.
        Assert.Equal(primary, Disclosure.Recoverable(Relations(grid), primary.ToHashSet()).Order());
    }

    [Fact]
    public void Two_hidden_cells_in_every_row_and_column_can_still_give_one_away_and_the_audit_hides_more()
    {
        // Two 2 × 2 blocks of small cells joined by one small cell (row 0, column 2): every row and column has two or
        // more hidden cells, yet rows 0 and 1 minus columns 0 and 1 leave exactly the joining cell.
        var grid = WithMargins(new[,]
        {
            { 1, 2, 3, 40, 50 },
            { 4, 1, 60, 70, 80 },
            { 90, 95, 2, 4, 85 },
            { 75, 65, 3, 1, 55 },
        });
        int At(int r, int c) => r * 6 + c;
        var pattern = new HashSet<int> { At(0, 0), At(0, 1), At(1, 0), At(1, 1), At(2, 2), At(2, 3), At(3, 2), At(3, 3), At(0, 2) };
        Assert.Empty(Disclosure.WithOneHidden(Relations(grid), pattern));
        Assert.Equal([At(0, 2)], Disclosure.Recoverable(Relations(grid), pattern));
        Assert.Equal([At(0, 2)], CellSuppression.Derivable(grid, pattern));

        var hidden = CellSuppression.Suppress(grid, Rule);

        Assert.Superset(pattern, hidden.ToHashSet());
        AssertProtected(grid, hidden);
    }

    [Fact]
    public void The_thresholds_are_the_configured_ones()
    {
        var grid = WithMargins(new[,] { { 2, 9 }, { 11, 7 } });

        Assert.Empty(CellSuppression.Suppress(grid, new SuppressionOptions { MinProducers = 0, MinNetworks = 0 }));
        Assert.Equal(4, CellSuppression.Suppress(grid, Rule).Count);        // 2, its partners 9 and 11, and 7 to close the square
        Assert.Equal(9, CellSuppression.Suppress(grid, new SuppressionOptions { MinProducers = 100 }).Count);
    }

    [Fact]
    public void Random_tables_never_publish_a_recoverable_hidden_cell()
    {
        var random = new Random(20261124);
        for (var run = 0; run < 150; run++)
        {
            var (rows, columns) = (random.Next(1, 6), random.Next(1, 6));
            var producers = new int[rows, columns];
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < columns; c++)
                    producers[r, c] = random.Next(4) switch { 0 => 0, 1 => random.Next(1, 5), _ => random.Next(5, 60) };
            var grid = WithMargins(producers);

            var hidden = CellSuppression.Suppress(grid, Rule);

            Assert.All(Enumerable.Range(0, grid.Cells.Count).Where(i => CellSuppression.IsSensitive(grid.Cells[i], Rule)), i => Assert.Contains(i, hidden));
            AssertProtected(grid, hidden);
        }
    }
}
