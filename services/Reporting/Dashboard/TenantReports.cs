using Microsoft.EntityFrameworkCore;
using Npgsql;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Reporting.Infrastructure;
using static RedesPlataforma.Reporting.Figures.Catalog;

namespace RedesPlataforma.Reporting.Dashboard;

/// <summary>A tenant's own figures, from its cells only: no suppression (the data is its own), monthly cells for the period.</summary>
public sealed class TenantReports(ReportingDb db, CellCatalog catalog)
{
    public static readonly TableDefinition Summary = new("summary", "Resumen / Summary", null,
        [Specialists, TrainedSpecialists, .. ProducerFigures, .. NetworkFigures, .. FinancingFigures, .. MonitoringFigures]);

    public static readonly TableDefinition Series = new("months", "Serie mensual / Monthly series", Dimension.Month,
        [.. ProducerFigures, PlansApproved, ProgrammeFunds, NetworkContribution, ContributionShare, Disbursed, ContributionExecuted, .. MonitoringFigures]);

    public static readonly IReadOnlyList<TableDefinition> Breakdowns =
    [
        new("regions", "Por región / By region", Dimension.Region, [.. ProducerFigures, .. NetworkFigures, .. FinancingFigures, .. MonitoringFigures]),
        new("value-chains", "Por cadena de valor / By value chain", Dimension.ValueChain, [.. NetworkFigures, .. FinancingFigures, .. MonitoringFigures]),
        new("phases", "Por fase / By phase", Dimension.Phase, [.. NetworkFigures, .. FinancingFigures, .. MonitoringFigures]),
        new("programmes", "Por programa / By programme", Dimension.Programme, [.. FinancingFigures.Where(f => f != InvestmentPerProducer)]),
    ];

    public static IEnumerable<TableDefinition> Exportable => [Summary, .. Breakdowns, Series];

    /// <summary>The tables, computed from one read of each cell table (every breakdown and the total in one scan).</summary>
    public async Task<IReadOnlyList<ReportTable>> BuildAsync(IEnumerable<TableDefinition> tables, DashboardFilter filter, CancellationToken ct)
    {
        var data = await LoadAsync(filter.ForTenant(db.RequiredTenantId()), ct);
        var labels = new RowLabels(await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Id.ToString(), p => p.Name, ct));
        return [.. tables.Select(table => ReportTables.Build(table, data, labels))];
    }

    private async Task<ReportData> LoadAsync(CellFilter filter, CancellationToken ct)
    {
        Dimension[] network = [Dimension.Region, Dimension.ValueChain, Dimension.Phase];
        // Opened through EF, so the connection runs as the tenant (row-level security) as well as filtering by it.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            Task<IReadOnlyList<CellSums>> Sum<TCell>(params Dimension[] dimensions) where TCell : Cell =>
                CellReader.SumAsync(connection, catalog.Of<TCell>(), filter, dimensions, ct);
            return new ReportData()
                .Add(await Sum<SpecialistCell>())
                .Add(await Sum<ProducerMonthCell>(Dimension.Region, Dimension.Month))
                .Add(await Sum<NetworkCell>(network))
                .Add(await Sum<FinancingMonthCell>([.. network, Dimension.Programme, Dimension.Month]))
                .Add(await Sum<MonitoringMonthCell>([.. network, Dimension.Month]));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
