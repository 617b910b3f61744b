using System.Numerics;
using RedesPlataforma.Reporting.Suppression;

namespace RedesPlataforma.Reporting.Tests;

/// <summary>
/// An attacker's view of a published table, written independently of the component under test: exact integer
/// arithmetic, and the rank test "x is determined iff adding the equation x = c does not raise the rank".
/// </summary>
public static class Disclosure
{
    /// <summary>The hidden cells whose value follows exactly from the published cells and the table's relations.</summary>
    public static IReadOnlyList<int> Recoverable(SuppressionGrid grid, IReadOnlySet<int> hidden)
    {
        var unknowns = hidden.Order().ToList();
        var equations = grid.Sums.Select(sum => unknowns.Select(u =>
            (BigInteger)((sum.Total == u ? 1 : 0) - sum.Parts.Count(p => p == u))).ToArray()).ToList();
        var rank = Rank(equations);
        return [.. unknowns.Where((_, i) =>
            Rank([.. equations, unknowns.Select((_, k) => k == i ? BigInteger.One : BigInteger.Zero).ToArray()]) == rank)];
    }

    /// <summary>Relations with exactly one hidden cell: that cell is their total minus the rest.</summary>
    public static IReadOnlyList<Additivity> WithOneHidden(SuppressionGrid grid, IReadOnlySet<int> hidden) =>
        [.. grid.Sums.Where(s => s.Members.Count(hidden.Contains) == 1)];

    private static int Rank(List<BigInteger[]> matrix)
    {
        var rows = matrix.Select(r => (BigInteger[])r.Clone()).ToList();
        var width = rows.Count == 0 ? 0 : rows[0].Length;
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
