using Npgsql;

namespace RedesPlataforma.Reporting.Cells;

/// <summary>What to sum: every filter applies only to cell types that have its column (producers have no value chain).</summary>
public sealed record CellFilter(Guid? TenantId, string? RegionCode, string? ValueChain, int? Phase, DateOnly? FromMonth, DateOnly? ToMonth)
{
    public static readonly CellFilter None = new(null, null, null, null, null, null);
}

/// <summary>
/// Sums one cell table in a single scan: <c>GROUP BY GROUPING SETS ((region), (chain), …, ())</c> gives every breakdown
/// and the total at once, over rows that are already aggregates, so no request touches an entity table.
/// </summary>
public static class CellReader
{
    public static async Task<IReadOnlyList<CellSums>> SumAsync(
        NpgsqlConnection connection, CellTable table, CellFilter filter, IEnumerable<Dimension> dimensions, bool countInstitutions, CancellationToken ct)
    {
        var groups = dimensions.Distinct().Select(d => (Dimension: d, Column: table.KeyFor(d))).Where(g => g.Column is not null).ToList();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql(table, filter, groups.Select(g => g.Column!).ToList(), countInstitutions, command.Parameters);

        var result = new List<CellSums>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // GROUPING(column) is 0 in the rows grouped by that column; the total row has none.
            var grouped = Enumerable.Range(0, groups.Count).FirstOrDefault(i => reader.GetInt32(2 * i) == 0, -1);
            var measures = new Measures();
            var first = 2 * groups.Count;
            for (var i = 0; i < table.Measures.Count; i++) measures.Add(table.Measures[i].Property, reader.GetDecimal(first + i));
            if (countInstitutions) measures.Add(Measures.Institutions, reader.GetInt64(first + table.Measures.Count));
            result.Add(grouped < 0
                ? new CellSums(null, null, measures)
                : new CellSums(groups[grouped].Dimension, reader.GetString(2 * grouped + 1), measures));
        }
        return result;
    }

    private static string Sql(CellTable table, CellFilter filter, List<CellColumn> groups, bool countInstitutions, NpgsqlParameterCollection parameters)
    {
        var select = groups.Select(g => $"GROUPING({CellChange.Quote(g.Column)}), {CellChange.Quote(g.Column)}::text")
            .Concat(table.Measures.Select(m => $"COALESCE(sum({CellChange.Quote(m.Column)}), 0)::numeric"))
            .Concat(countInstitutions ? ["count(DISTINCT tenant_id)"] : []);
        var sets = groups.Select(g => $"({CellChange.Quote(g.Column)})").Append("()");
        return $"""
            SELECT {string.Join(", ", select)}
            FROM {CellChange.Quote(table.Name)}
            WHERE {Where(table, filter, parameters)}
            GROUP BY GROUPING SETS ({string.Join(", ", sets)})
            """;
    }

    private static string Where(CellTable table, CellFilter filter, NpgsqlParameterCollection parameters)
    {
        var conditions = new List<string> { "true" };
        void Add(Dimension dimension, object? value, string op = "=")
        {
            if (value is null || table.KeyFor(dimension) is not { } column) return;
            var name = $"@f{parameters.Count}";
            parameters.AddWithValue(name, value);
            conditions.Add($"{CellChange.Quote(column.Column)} {op} {name}");
        }
        Add(Dimension.Institution, filter.TenantId);
        Add(Dimension.Region, filter.RegionCode);
        Add(Dimension.ValueChain, filter.ValueChain);
        Add(Dimension.Phase, filter.Phase);
        Add(Dimension.Month, filter.FromMonth, ">=");
        Add(Dimension.Month, filter.ToMonth, "<=");
        return string.Join(" AND ", conditions);
    }
}
