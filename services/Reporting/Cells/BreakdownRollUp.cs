namespace RedesPlataforma.Reporting.Cells;

/// <summary>A national cell table as the roll-up reads it: its name, the key column of each dimension it has, its measure columns.</summary>
public sealed record NationalSource(string Table, IEnumerable<(Dimension Dimension, string Column)> Keys, IReadOnlyList<string> Measures)
{
    public static IReadOnlyList<NationalSource> Of(CellCatalog catalog) =>
    [
        .. catalog.National.OrderBy(t => t.Name, StringComparer.Ordinal).Select(table => new NationalSource(table.Name,
            [.. CellCatalog.RollUpOf(table).Where(x => x.Key is not null).Select(x => (x.Dimension, x.Key!.Column))],
            [.. table.Measures.Select(m => m.Column)])),
    ];
}

/// <summary>
/// The breakdown rows computed in one statement from whole cell tables, the way <see cref="CellChange"/> moves them
/// delta by delta: for filling the table from cells that already exist (its migration), and for checking that the two agree.
/// </summary>
public static class BreakdownRollUp
{
    /// <summary>
    /// Every breakdown row of the national cells, with these measure columns in this order. The cell tables are named
    /// without a schema, so a caller may put them in a <c>WITH</c> of its own.
    /// </summary>
    public static string Select(IReadOnlyList<NationalSource> sources, IReadOnlyList<string> measures)
    {
        IEnumerable<string> Branches(NationalSource source) =>
            source.Keys.Prepend((Dimension: Dimension.Institution, Column: "tenant_id")).Select(key =>
                $"SELECT tenant_id, '{key.Dimension}' AS dimension, {key.Column}::text AS key, " +
                string.Join(", ", measures.Select(m => source.Measures.Contains(m) ? $"{m}::numeric AS {m}" : $"0::numeric AS {m}")) +
                $" FROM {source.Table}");
        return $"""
            SELECT tenant_id, dimension, key, {string.Join(", ", measures.Select(m => $"sum({m}) AS {m}"))}
            FROM ({string.Join("\n    UNION ALL ", sources.SelectMany(Branches))}) facts
            GROUP BY tenant_id, dimension, key
            """;
    }

    /// <summary>The roll-up of the current model's national cells, in the order of the breakdown table's measures.</summary>
    public static string Select(CellCatalog catalog) => Select(NationalSource.Of(catalog), MeasureColumns(catalog));

    public static string Insert(CellCatalog catalog) => Insert(NationalSource.Of(catalog), MeasureColumns(catalog));

    public static IReadOnlyList<string> MeasureColumns(CellCatalog catalog) => [.. catalog.Breakdowns.Measures.Select(m => m.Column)];

    /// <summary>Fills <c>breakdown_cells</c> from the national cells.</summary>
    public static string Insert(IReadOnlyList<NationalSource> sources, IReadOnlyList<string> measures) => $"""
        INSERT INTO breakdown_cells (tenant_id, dimension, key, {string.Join(", ", measures)})
        {Select(sources, measures)}
        """;
}
