using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RedesPlataforma.Reporting.Cells;

/// <summary>
/// The cell deltas of one message: what its entities contributed before the change is subtracted and what they
/// contribute after it is added, cell by cell, and each non-zero delta becomes <c>INSERT … ON CONFLICT DO UPDATE
/// SET m = m + delta</c> in the consumer's transaction. Concurrent messages never lose each other's increments, and a
/// replayed or stale message (nothing changed) writes nothing. Cells left all zero are deleted, so a cell row exists
/// only while something counts in it. A national cell's delta also moves its tenant's breakdown rows (<see cref="BreakdownCell"/>).
/// Statements run in table and key order, so two transactions take cell locks in the same order and cannot deadlock on them.
/// </summary>
public sealed class CellChange
{
    private readonly List<Cell> _before = [];
    private readonly HashSet<ICellSource> _tracked = new(ReferenceEqualityComparer.Instance);

    /// <summary>Call before changing <paramref name="source"/>: remembers what it contributes now.</summary>
    public T Track<T>(T source) where T : ICellSource
    {
        if (_tracked.Add(source)) _before.AddRange(source.Cells());
        return source;
    }

    /// <summary>For an entity this change creates: it contributed nothing before.</summary>
    public T TrackNew<T>(T source) where T : ICellSource
    {
        _tracked.Add(source);
        return source;
    }

    public async Task WriteAsync(DbContext db, CellCatalog catalog, CancellationToken ct)
    {
        var deltas = new Dictionary<(CellTable Table, string Key), CellDelta>();
        foreach (var cell in _before) Accumulate(deltas, catalog, cell, -1);
        foreach (var cell in _tracked.SelectMany(source => source.Cells())) Accumulate(deltas, catalog, cell, +1);

        var sql = new List<string>();
        var parameters = new List<NpgsqlParameter>();
        foreach (var table in deltas.Where(d => d.Value.Measures.Any(m => m != 0))
                     .GroupBy(d => d.Key.Table, d => d.Value)
                     .OrderBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var rows = table.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
            sql.Add(Upsert(table.Key, rows, parameters, out var keyParameters));
            var shrinking = rows.Select((row, i) => (row, i)).Where(r => r.row.Measures.Any(m => m < 0)).Select(r => keyParameters[r.i]).ToList();
            if (shrinking.Count > 0) sql.Add(DeleteEmpty(table.Key, shrinking));
        }
        if (sql.Count > 0) await db.Database.ExecuteSqlRawAsync(string.Join(";\n", sql), parameters, ct);
    }

    private static void Accumulate(Dictionary<(CellTable, string), CellDelta> deltas, CellCatalog catalog, Cell cell, int sign)
    {
        var table = catalog.Of(cell.GetType());
        var measures = table.Measures.ToDictionary(m => m.Property, m => sign * Convert.ToDecimal(m.ValueOf(cell), CultureInfo.InvariantCulture));
        Accumulate(deltas, table, [.. table.Keys.Select(k => k.ValueOf(cell))], measures);
        if (cell is INationalCell)
            foreach (var keys in catalog.BreakdownKeysOf(cell)) Accumulate(deltas, catalog.Breakdowns, keys, measures);
    }

    private static void Accumulate(Dictionary<(CellTable, string), CellDelta> deltas, CellTable table, object?[] keyValues, Dictionary<string, decimal> measures)
    {
        var key = string.Join('\u001f', keyValues.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
        if (!deltas.TryGetValue((table, key), out var delta))
            deltas[(table, key)] = delta = new CellDelta(key, keyValues, new decimal[table.Measures.Count]);
        for (var i = 0; i < table.Measures.Count; i++) delta.Measures[i] += measures.GetValueOrDefault(table.Measures[i].Property);
    }

    private static string Upsert(CellTable table, List<CellDelta> rows, List<NpgsqlParameter> parameters, out List<string[]> keyParameters)
    {
        keyParameters = [];
        var values = new List<string>();
        foreach (var row in rows)
        {
            var keys = row.KeyValues.Select(v => Parameter(parameters, v)).ToArray();
            var measures = table.Measures.Select((m, i) => Parameter(parameters, AsColumnType(m, row.Measures[i])));
            keyParameters.Add(keys);
            values.Add($"({string.Join(", ", keys.Concat(measures))})");
        }
        var keyColumns = string.Join(", ", table.Keys.Select(k => Quote(k.Column)));
        return $"""
            INSERT INTO {Quote(table.Name)} ({keyColumns}, {string.Join(", ", table.Measures.Select(m => Quote(m.Column)))})
            VALUES {string.Join(", ", values)}
            ON CONFLICT ({keyColumns}) DO UPDATE SET {string.Join(", ", table.Measures.Select(m => $"{Quote(m.Column)} = {Quote(table.Name)}.{Quote(m.Column)} + EXCLUDED.{Quote(m.Column)}"))}
            """;
    }

    private static string DeleteEmpty(CellTable table, List<string[]> keyParameters) => $"""
        DELETE FROM {Quote(table.Name)}
        WHERE ({string.Join(", ", table.Keys.Select(k => Quote(k.Column)))}) IN ({string.Join(", ", keyParameters.Select(k => $"({string.Join(", ", k)})"))})
          AND {string.Join(" AND ", table.Measures.Select(m => $"{Quote(m.Column)} = 0"))}
        """;

    private static object AsColumnType(CellColumn measure, decimal value) =>
        measure.Metadata.ClrType == typeof(int) ? (object)(int)value : value;

    private static string Parameter(List<NpgsqlParameter> parameters, object? value)
    {
        var name = $"@c{parameters.Count}";
        parameters.Add(new NpgsqlParameter(name, value));
        return name;
    }

    internal static string Quote(string identifier) => $"\"{identifier}\"";

    private sealed record CellDelta(string Key, object?[] KeyValues, decimal[] Measures);
}
