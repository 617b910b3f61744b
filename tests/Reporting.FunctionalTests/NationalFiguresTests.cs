using System.Text.Json;
using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Reporting.National;
using RedesPlataforma.Reporting.Tests;
using RedesPlataforma.Testing;
using static RedesPlataforma.Reporting.Figures.Catalog;

namespace RedesPlataforma.Reporting.FunctionalTests;

/// <summary>National figures over the institutions of <see cref="NationalSeed"/>, where primary and secondary suppression must trigger.</summary>
public sealed class NationalFiguresTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    private const string Total = ReportTables.TotalKey;

    [Fact]
    public async Task National_tables_add_up_every_tenant_and_suppress_small_cells_so_none_can_be_recovered_from_all_of_them()
    {
        await using var events = await Events.StartAsync(app);
        var (a, b, c, ids) = await NationalSeed.SeedAsync(app, events);
        var national = await app.NationalClientAsync();
        var report = await app.NationalFiguresAsync(events, national);

        // The totals are the true totals, published.
        Assert.Equal([44m, 22m, 22m, 14m, 5m, 113m, 55m, 5m, 45_000m, 18_000m, 28.57m, 3_000m, 10m],
            new[] { Catalog.Producers, FemaleProducers, MaleProducers, Catalog.Networks, WomenLedNetworks, Members, FemaleMembers, PlansApproved,
                ProgrammeFunds, NetworkContribution, ContributionShare, Sales, IncomeChange }.Select(f => report.Summary.Value(Total, f)));
        Assert.Equal(3m, report.Summary.Value(Total, Catalog.Institutions));
        Assert.Equal(new SuppressionRule(5, 3, "*"), report.Suppression);

        // Primary suppression: Tacna's 2 networks and 3 producers, Puno's 2 financed networks, Junín's 4 women, B's 2 financed networks.
        var regions = report.Table("regions");
        foreach (var figure in new[] { Catalog.Networks, Members, FemaleMembers, Catalog.Producers, FemaleProducers, MaleProducers })
            Assert.Contains(figure.Key, regions.Row("PE-TAC").Suppressed);
        foreach (var figure in new[] { PlansApproved, ProgrammeFunds, NetworkContribution, ContributionShare, InvestmentPerProducer })
        {
            Assert.Contains(figure.Key, regions.Row("PE-PUN").Suppressed);
            Assert.Contains(figure.Key, report.Table("institutions").Row(b.Id.ToString()).Suppressed);
            Assert.Contains(figure.Key, report.Table("value-chains").Row("quinoa").Suppressed);
        }
        Assert.Contains(FemaleProducers.Key, regions.Row("PE-JUN").Suppressed);
        Assert.Contains(Catalog.Networks.Key, report.Table("phases").Row("1").Suppressed);
        // Cells built from enough producers and networks stay, unless chosen as complements.
        Assert.Equal(40m, regions.Value("PE-CUS", Members));
        Assert.Equal("Institución " + a.Tenant.Slug, report.Table("institutions").Row(a.Id.ToString()).Label);

        // Secondary suppression: no relation of the published set (a row or column, a total shared by several tables,
        // unique producers beside the producers) has exactly one hidden cell, and no hidden cell follows from the rest.
        var reader = NationalObserver.Of(report);
        Assert.Empty(reader.WithOneHidden());
        Assert.Empty(reader.Recoverable());
        foreach (var table in report.Tables.Append(report.Summary))
        {
            foreach (var row in table.Rows.Append(table.Total))
            {
                Assert.All(row.Suppressed, key => Assert.Null(row.Values[table.Columns.ToList().FindIndex(col => col.Key == key)]));
                // A ratio never stands beside a hidden input it would give away.
                foreach (var ratio in new[] { ContributionShare, InvestmentPerProducer }.Where(f => table.Column(f) >= 0 && !row.Suppressed.Contains(f.Key)))
                    Assert.DoesNotContain(row.Suppressed, key => key == ProgrammeFunds.Key || key == NetworkContribution.Key);
            }
            // Where a column hides nothing, its rows add up to its total.
            foreach (var figure in All.Where(f => f.Additive && table.Column(f) >= 0 && table.Rows.Count > 0 &&
                                                  table.Rows.Append(table.Total).All(r => !r.Suppressed.Contains(f.Key))))
                Assert.Equal(table.Value(Total, figure), table.Rows.Sum(r => table.Value(r.Key, figure)));
        }

        // Aggregates only: no producer's, network's or plan's id reaches the national figures.
        var json = JsonSerializer.Serialize(report, Json.Options);
        Assert.DoesNotContain(ids, id => json.Contains(id.ToString()));
        Assert.Contains(c.Id.ToString(), json); // institutions are named (the control)
    }
}
