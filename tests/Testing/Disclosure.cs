using System.Numerics;

namespace RedesPlataforma.Testing;

/// <summary>
/// An observer of a published table who knows its additive relations (each total is the sum of its parts) and every
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
