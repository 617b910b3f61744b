using Microsoft.Extensions.Options;
using Npgsql;
using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Reporting.Infrastructure;
using RedesPlataforma.Reporting.Suppression;
using static RedesPlataforma.Reporting.Figures.Catalog;

namespace RedesPlataforma.Reporting.National;

public sealed record SuppressionRule(int MinProducers, int MinNetworks, string Marker);

public sealed record NationalDashboard(SuppressionRule Suppression, ReportTable Summary, IReadOnlyList<ReportTable> Tables);

/// <summary>
/// Figures across all tenants, from the breakdown cells read in the national scope (never an entity row), with small
/// cells suppressed over the tables as one published set: a reader has them all at once (docs/decisions/0029).
/// </summary>
public sealed class NationalReports(NationalCells cells, CellCatalog catalog, IOptions<SuppressionOptions> suppression)
{
    public static readonly TableDefinition Summary = new("summary", "Resumen nacional / National summary", null,
        [Institutions, Specialists, TrainedSpecialists, .. ProducerFigures, UniqueProducers, .. NetworkFigures, .. FinancingFigures, .. MonitoringFigures]);

    public static readonly IReadOnlyList<TableDefinition> Breakdowns =
    [
        new("institutions", "Por institución / By institution", Dimension.Institution,
            [Specialists, TrainedSpecialists, .. ProducerFigures, .. NetworkFigures, .. FinancingFigures, .. MonitoringFigures]),
        new("regions", "Por región / By region", Dimension.Region,
            [Institutions, .. ProducerFigures, .. NetworkFigures, .. FinancingFigures, .. MonitoringFigures]),
        new("value-chains", "Por cadena de valor / By value chain", Dimension.ValueChain,
            [Institutions, .. NetworkFigures, .. FinancingFigures, .. MonitoringFigures]),
        new("phases", "Por fase / By phase", Dimension.Phase, [Institutions, .. NetworkFigures, .. FinancingFigures, .. MonitoringFigures]),
    ];

    public static IReadOnlyList<TableDefinition> Exportable => [Summary, .. Breakdowns];

    public async Task<NationalDashboard> BuildAsync(CancellationToken ct)
    {
        var (data, labels) = await LoadAsync(ct);
        return Publish(data, labels, suppression.Value);
    }

    /// <summary>Every national table from the data, suppressed as one published set.</summary>
    public static NationalDashboard Publish(ReportData data, RowLabels labels, SuppressionOptions options)
    {
        var tables = ReportTables.BuildSuppressed(Exportable, data, labels, options);
        return new NationalDashboard(new SuppressionRule(options.MinProducers, options.MinNetworks, SuppressionOptions.Marker), tables[0], tables.Skip(1).ToList());
    }

    private async Task<(ReportData Data, RowLabels Labels)> LoadAsync(CancellationToken ct)
    {
        await using var connection = await cells.OpenAsync(ct);
        var data = new ReportData().Add(await CellReader.SumBreakdownsAsync(connection, catalog.Breakdowns, ct));
        data.Add([new CellSums(null, null, await UniqueProducersAsync(connection, ct))]);
        return (data, new RowLabels(await InstitutionNamesAsync(connection, ct)));
    }

    /// <summary>The count only: the national scope cannot read the hashes it is made from (ReadModelAccess).</summary>
    private static async Task<Measures> UniqueProducersAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT unique_producers FROM {ReadModelAccess.UniqueProducersView}", connection);
        var measures = new Measures();
        measures.Add(Measures.UniqueProducers, (int)(await command.ExecuteScalarAsync(ct))!);
        return measures;
    }

    private static async Task<Dictionary<string, string>> InstitutionNamesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT tenant_id::text, name FROM institutions", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new Dictionary<string, string>();
        while (await reader.ReadAsync(ct)) names[reader.GetString(0)] = reader.GetString(1);
        return names;
    }
}
