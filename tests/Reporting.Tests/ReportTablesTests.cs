using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Reporting.Suppression;
using static RedesPlataforma.Reporting.Figures.Catalog;

namespace RedesPlataforma.Reporting.Tests;

public sealed class ReportTablesTests
{
    private static readonly TableDefinition Regions = new("regions", "Por región", Dimension.Region,
        [.. ProducerFigures, .. NetworkFigures, .. FinancingFigures]);

    private static Measures Row(int women, int men, int networks, int members, int financedNetworks, decimal funds, decimal cash)
    {
        var m = new Measures();
        foreach (var (name, value) in new (string, decimal)[]
                 {
                     (nameof(ProducerCell.Producers), women + men), (nameof(ProducerCell.FemaleProducers), women), (nameof(ProducerCell.MaleProducers), men),
                     (nameof(NetworkCell.Networks), networks), (nameof(NetworkCell.Members), members), (nameof(NetworkCell.FemaleMembers), members / 2),
                     (nameof(NetworkCell.FinancedNetworks), financedNetworks), (nameof(NetworkCell.FinancedMembers), financedNetworks * 10),
                     (nameof(FinancingCell.PlansApproved), financedNetworks), (nameof(FinancingCell.ProgrammeFunds), funds), (nameof(FinancingCell.NetworkCash), cash),
                 })
            m.Add(name, value);
        return m;
    }

    private static ReportData Data(params (string Region, Measures Measures)[] rows)
    {
        var total = new Measures();
        foreach (var row in rows) total.Add(row.Measures);
        return new ReportData().Add([.. rows.Select(r => new CellSums(Dimension.Region, r.Region, r.Measures)), new CellSums(null, null, total)]);
    }

    private static decimal? Cell(ReportTable table, string row, Figure figure) =>
        (row == ReportTables.TotalKey ? table.Total : table.Rows.Single(r => r.Key == row)).Values[table.Columns.ToList().FindIndex(c => c.Key == figure.Key)];

    [Fact]
    public void A_tenant_table_shows_every_value_with_rows_named_and_ordered_and_ratios_computed()
    {
        var data = Data(("PE-PUN", Row(30, 20, 6, 60, 2, 70_000m, 30_000m)), ("PE-CUS", Row(3, 1, 1, 8, 1, 7_000m, 3_000m)));

        var table = ReportTables.Build(Regions, data, new RowLabels());

        Assert.Equal(["Cusco", "Puno"], table.Rows.Select(r => r.Label));
        Assert.All(table.Rows.Append(table.Total), r => Assert.Empty(r.Suppressed));
        Assert.Equal(4, Cell(table, "PE-CUS", Catalog.Producers));
        Assert.Equal(54, Cell(table, ReportTables.TotalKey, Catalog.Producers));
        Assert.Equal(30m, Cell(table, ReportTables.TotalKey, ContributionShare));        // 33,000 of 110,000
        Assert.Equal(3_666.67m, Cell(table, ReportTables.TotalKey, InvestmentPerProducer)); // 110,000 / 30 members
    }

    [Fact]
    public void A_national_table_hides_small_cells_with_their_complements_ratios_with_their_inputs_and_keeps_totals_true()
    {
        var data = Data(
            ("PE-CUS", Row(women: 3, men: 40, networks: 8, members: 80, financedNetworks: 2, funds: 20_000m, cash: 9_000m)),
            ("PE-PUN", Row(women: 25, men: 30, networks: 12, members: 120, financedNetworks: 5, funds: 50_000m, cash: 20_000m)),
            ("PE-JUN", Row(women: 12, men: 9, networks: 5, members: 50, financedNetworks: 4, funds: 40_000m, cash: 15_000m)));

        var table = ReportTables.BuildSuppressed([Regions], data, new RowLabels(), new SuppressionOptions())[0];
        var cusco = table.Rows.Single(r => r.Key == "PE-CUS");

        // Three women in Cusco: hidden, with the men of Cusco (or its producers), and another region's women.
        Assert.Contains(FemaleProducers.Key, cusco.Suppressed);
        Assert.True(cusco.Suppressed.Contains(MaleProducers.Key) || cusco.Suppressed.Contains(Catalog.Producers.Key));
        Assert.True(table.Rows.Count(r => r.Suppressed.Contains(FemaleProducers.Key)) >= 2);
        // Two financed networks in Cusco: every non-zero co-financing figure of the row, the ratios included.
        foreach (var figure in new[] { PlansApproved, ProgrammeFunds, NetworkContribution, ContributionShare, InvestmentPerProducer })
            Assert.Contains(figure.Key, cusco.Suppressed);
        Assert.True(table.Rows.Count(r => r.Suppressed.Contains(ProgrammeFunds.Key)) >= 2);
        // Hidden cells publish nothing; totals are the true totals and stay published.
        Assert.All(table.Rows, r => Assert.All(r.Suppressed, key => Assert.Null(r.Values[table.Columns.ToList().FindIndex(c => c.Key == key)])));
        Assert.Empty(table.Total.Suppressed);
        Assert.Equal(119, Cell(table, ReportTables.TotalKey, Catalog.Producers));
        Assert.Equal(110_000m, Cell(table, ReportTables.TotalKey, ProgrammeFunds));
        // Every published column adds up to its total where nothing is hidden.
        foreach (var figure in Regions.Figures.Where(f => f.Additive && table.Rows.All(r => !r.Suppressed.Contains(f.Key))))
            Assert.Equal(Cell(table, ReportTables.TotalKey, figure), table.Rows.Sum(r => Cell(table, r.Key, figure)));
    }

    [Fact]
    public void An_export_carries_the_marker_where_a_cell_is_suppressed_and_invariant_numbers_elsewhere()
    {
        var data = Data(("PE-CUS", Row(3, 40, 8, 80, 2, 20_000.5m, 9_000m)), ("PE-PUN", Row(25, 30, 12, 120, 5, 50_000m, 20_000m)));
        var table = ReportTables.BuildSuppressed([Regions], data, new RowLabels(), new SuppressionOptions())[0];

        var export = ReportTables.ToExport(table);
        var rows = export.Rows.ToBlockingEnumerable().ToList();

        Assert.Equal(["region", "label", .. Regions.Figures.Select(f => f.Key)], export.Columns);
        Assert.Equal(["PE-CUS", "Cusco"], rows[0].Take(2));
        Assert.Equal(SuppressionOptions.Marker, rows[0][2 + Regions.Figures.ToList().IndexOf(FemaleProducers)]);
        Assert.Equal(["total", "Total", "98", "28", "70"], rows[^1].Take(5));
        Assert.Equal("70000.5", rows[^1][2 + Regions.Figures.ToList().IndexOf(ProgrammeFunds)]);
    }
}
