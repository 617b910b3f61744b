using RedesPlataforma.Reporting.Cells;

namespace RedesPlataforma.Reporting.Figures;

/// <summary>The summed measures of several cell types, merged by breakdown row: what the tables are computed from.</summary>
public sealed class ReportData
{
    private readonly Dictionary<(Dimension? Dimension, string? Key), Measures> _rows = [];

    public ReportData Add(IEnumerable<CellSums> sums)
    {
        foreach (var sum in sums)
        {
            if (!_rows.TryGetValue((sum.Dimension, sum.Key), out var measures)) _rows[(sum.Dimension, sum.Key)] = measures = new Measures();
            measures.Add(sum.Measures);
        }
        return this;
    }

    public Measures Total => _rows.GetValueOrDefault((null, null)) ?? new Measures();

    public IEnumerable<(string Key, Measures Measures)> Rows(Dimension dimension) =>
        _rows.Where(r => r.Key.Dimension == dimension).Select(r => (r.Key.Key!, r.Value));
}
