namespace RedesPlataforma.Reporting.Cells;

/// <summary>Summed measures by their cell property name (names are unique across cell types, so sums merge).</summary>
public sealed class Measures
{
    /// <summary>Not a cell column: how many tenants have networks in the group.</summary>
    public const string Institutions = nameof(Institutions);

    /// <summary>Not a cell column: national only, people counted once across institutions (distinct DNI hashes).</summary>
    public const string UniqueProducers = nameof(UniqueProducers);

    private readonly Dictionary<string, decimal> _values = new(StringComparer.Ordinal);

    public decimal this[string name] => _values.GetValueOrDefault(name);

    public void Add(string name, decimal value) => _values[name] = this[name] + value;

    public void Add(Measures other)
    {
        foreach (var (name, value) in other._values) Add(name, value);
    }
}

/// <summary>One group of a breakdown: by <see cref="Dimension"/> and its key, or the total when Dimension is null.</summary>
public sealed record CellSums(Dimension? Dimension, string? Key, Measures Measures);
