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
        NpgsqlConnection connection, CellTable table, CellFilter filter, IEnumerable<Dimension> dimensions, CancellationToken ct)
    {
        var groups = dimensions.Distinct().Select(d => (Dimension: d, Column: table.KeyFor(d))).Where(g => g.Column is not null).ToList();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql(table, filter, groups.Select(g => g.Column!).ToList(), command.Parameters);

        var result = new List<CellSums>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // GROUPING(column) is 0 in the rows grouped by that column; the total row has none.
            var grouped = Enumerable.Range(0, groups.Count).FirstOrDefault(i => reader.GetInt32(2 * i) == 0, -1);
            var measures = new Measures();
            var first = 2 * groups.Count;
            ReadMeasures(reader, table, first, measures);
            result.Add(grouped < 0
                ? new CellSums(null, null, measures)
                : new CellSums(groups[grouped].Dimension, reader.GetString(2 * grouped + 1), measures));
        }
        return result;
    }

    /// <summary>
    /// The national figures: every breakdown (institution, region, value chain, phase) in one scan of the breakdown rows,
    /// and the total as the sum of the tenants' rows. Institutions are the rows with networks, one per tenant in a group,
    /// so they need no DISTINCT.
    /// </summary>
    public static async Task<IReadOnlyList<CellSums>> SumBreakdownsAsync(NpgsqlConnection connection, CellTable breakdowns, CancellationToken ct)
    {
        var (dimension, key) = (Column(breakdowns, nameof(BreakdownCell.Dimension)), Column(breakdowns, nameof(BreakdownCell.Key)));
        // Row-level security hides the row count from the planner (it expects dozens of rows, not thousands), so it would
        // sort them to group them; hashing takes about half the time here. SET LOCAL keeps that to this transaction.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var hashed = new NpgsqlCommand("SET LOCAL enable_sort = off", connection, transaction)) await hashed.ExecuteNonQueryAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT {dimension}, {key}, {Sums(breakdowns)}, count(*) FILTER (WHERE {Column(breakdowns, nameof(NetworkCell.Networks))} > 0)
            FROM {CellChange.Quote(breakdowns.Name)}
            GROUP BY {dimension}, {key}
            """, connection, transaction);

        var result = new List<CellSums>();
        var total = new Measures();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var measures = new Measures();
                ReadMeasures(reader, breakdowns, 2, measures);
                measures.Add(Measures.Institutions, reader.GetInt64(2 + breakdowns.Measures.Count));
                var row = new CellSums(Enum.Parse<Dimension>(reader.GetString(0)), reader.GetString(1), measures);
                if (row.Dimension == Dimension.Institution) total.Add(measures);
                result.Add(row);
            }
        await transaction.CommitAsync(ct);
        result.Add(new CellSums(null, null, total));
        return result;
    }

    private static void ReadMeasures(NpgsqlDataReader reader, CellTable table, int first, Measures measures)
    {
        for (var i = 0; i < table.Measures.Count; i++) measures.Add(table.Measures[i].Property, reader.GetDecimal(first + i));
    }

    private static string Sums(CellTable table) =>
        string.Join(", ", table.Measures.Select(m => $"COALESCE(sum({CellChange.Quote(m.Column)}), 0)::numeric"));

    private static string Column(CellTable table, string property) =>
        CellChange.Quote(table.Keys.Concat(table.Measures).Single(c => c.Property == property).Column);

    private static string Sql(CellTable table, CellFilter filter, List<CellColumn> groups, NpgsqlParameterCollection parameters)
    {
        var select = groups.Select(g => $"GROUPING({CellChange.Quote(g.Column)}), {CellChange.Quote(g.Column)}::text").Append(Sums(table));
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
