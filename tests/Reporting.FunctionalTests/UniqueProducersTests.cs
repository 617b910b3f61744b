using Npgsql;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Reporting.Infrastructure;
using RedesPlataforma.Reporting.National;
using RedesPlataforma.Reporting.Tests;
using RedesPlataforma.Testing;
using static RedesPlataforma.Reporting.Figures.Catalog;
using static RedesPlataforma.Reporting.FunctionalTests.Facts;

namespace RedesPlataforma.Reporting.FunctionalTests;

/// <summary>
/// People counted once nationally (docs/decisions/0026): producer events carry the keyed hash of the DNI, and the
/// national summary counts the distinct hashes of active producers beside the per-institution sums; no national answer
/// carries a hash, and no national session can read one.
/// </summary>
public sealed class UniqueProducersTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    private const string Total = ReportTables.TotalKey;

    [Fact]
    public async Task A_person_two_institutions_register_counts_once_nationally_and_follows_DNI_changes_and_deactivations()
    {
        await using var events = await Events.StartAsync(app);
        var (a, b) = (await app.OnboardAsync(), await app.OnboardAsync());
        var dnis = Enumerable.Range(0, 8).Select(_ => DniHash()).ToArray();
        var producers = new Dictionary<(Guid Tenant, int Dni), Guid>();
        async Task RegisterAsync(Guid tenant, int dni)
        {
            producers[(tenant, dni)] = Guid.NewGuid();
            await events.PublishAsync(tenant, Producer(tenant, id: producers[(tenant, dni)]) with { DniHash = dnis[dni] });
        }
        Task ChangeAsync(Guid tenant, int from, int to, bool active = true) => events.PublishAsync(tenant,
            new ProducerChanged(tenant, producers[(tenant, from)], "PE-CUS", "080101", "Female", 1980, active, At(2025, 3), dnis[to]));
        var national = await app.NationalClientAsync();

        // Five producers, four people: below the threshold, the count is suppressed like any small national cell, and so
        // is the producers' total, which is the four people plus the one a reader may know is registered twice (0029).
        foreach (var dni in new[] { 0, 1, 2, 3 }) await RegisterAsync(a.Id, dni);
        await RegisterAsync(b.Id, 0);
        var report = await ReportAsync(events, national);
        var summary = report.Summary;
        Assert.Equal(((decimal?)null, (decimal?)null), (summary.Value(Total, Catalog.Producers), summary.Value(Total, UniqueProducers)));
        Assert.Contains(UniqueProducers.Key, summary.Total.Suppressed);
        Assert.Contains(Catalog.Producers.Key, report.Table("regions").Total.Suppressed);
        Assert.Empty(NationalObserver.Of(report).Recoverable());

        // Eight producers, the same person under both institutions: unique producers = sum - 1.
        foreach (var dni in new[] { 4, 5 }) await RegisterAsync(a.Id, dni);
        await RegisterAsync(b.Id, 6);
        summary = await SummaryAsync(events, national);
        Assert.Equal((8m, (decimal?)7m), (summary.Value(Total, Catalog.Producers), summary.Value(Total, UniqueProducers)));
        Assert.Equal("Productores únicos / Unique producers", summary.Columns[summary.Column(UniqueProducers)].Label);

        // B corrects its producer's DNI: two people now.
        await ChangeAsync(b.Id, 0, 7);
        Assert.Equal((8m, (decimal?)8m), await FiguresAsync(events, national));

        // B's producer turns out to be A's second person; then A deactivates its own: B still counts them.
        await ChangeAsync(b.Id, 0, 1);
        Assert.Equal((8m, (decimal?)7m), await FiguresAsync(events, national));
        await ChangeAsync(a.Id, 1, 1, active: false);
        Assert.Equal((7m, (decimal?)7m), await FiguresAsync(events, national));
        await ChangeAsync(b.Id, 0, 1, active: false);
        Assert.Equal((6m, (decimal?)6m), await FiguresAsync(events, national));

        // No national answer, JSON or export, carries a hash; the tenant's own tables have no such figure.
        var answers = new List<string> { await national.GetStringAsync("/api/reporting/national") };
        foreach (var table in NationalReports.Exportable)
        {
            answers.Add(await national.GetStringAsync($"/api/reporting/national/{table.Name}.csv"));
            answers.Add(string.Join('\n', Spreadsheet.Rows(await national.GetByteArrayAsync($"/api/reporting/national/{table.Name}.xlsx")).SelectMany(r => r)));
        }
        Assert.All(answers, answer => Assert.All(dnis, hash => Assert.DoesNotContain(hash[3..], answer)));
        Assert.Contains(UniqueProducers.Key, answers[0]); // the control: the figure is there
        var tenant = await a.Admin.DashboardAsync();
        Assert.DoesNotContain(tenant.Tables.Append(tenant.Summary), t => t.Column(UniqueProducers) >= 0);
        Assert.Equal(5m, tenant.Summary.Value(Total, Catalog.Producers));

        // In the database: the national scope reads the count and not one person cell; a tenant reads only its own.
        await using (var session = new NpgsqlConnection(ReadModelAccess.NationalConnectionString(app.Database.AppConnectionString)))
        {
            await session.OpenAsync();
            Assert.Equal(6, await ScalarAsync(session, $"SELECT unique_producers FROM {ReadModelAccess.UniqueProducersView}"));
            Assert.Equal(0L, await ScalarAsync(session, "SELECT count(*) FROM person_cells"));
            Assert.Equal(0L, await ScalarAsync(session, "SELECT count(*) FROM person_hashes"));

            // The count was kept as the person cells moved (docs/decisions/0032): the read sums the shards and never
            // scans the person cells, whose number grows with the nation's producers.
            var plan = await PlanAsync(session, $"SELECT unique_producers FROM {ReadModelAccess.UniqueProducersView}");
            Assert.Contains(plan, line => line.Contains("on unique_producer_shards") && !line.Contains("never executed"));
            Assert.All(plan.Where(line => line.Contains("on person_cells")), line => Assert.Contains("never executed", line));
        }
        await using (var session = new NpgsqlConnection(app.Database.AppConnectionString))
        {
            await session.OpenAsync();
            await ScalarAsync(session, $"SELECT set_config('{TenantConnectionInterceptor.Setting}', '{b.Id}', false)");
            Assert.Equal(1L, await ScalarAsync(session, "SELECT count(*) FROM person_cells"));
            Assert.Equal(1, await ScalarAsync(session, $"SELECT unique_producers FROM {ReadModelAccess.UniqueProducersView}")); // its own people only
            Assert.Equal(0L, await ScalarAsync(session, "SELECT count(*) FROM person_hashes"));
        }
    }

    private async Task<NationalDashboard> ReportAsync(Events events, HttpClient national)
    {
        await app.ProcessedAsync(events);
        return await national.NationalAsync();
    }

    private async Task<ReportTable> SummaryAsync(Events events, HttpClient national) => (await ReportAsync(events, national)).Summary;

    private async Task<(decimal? Producers, decimal? Unique)> FiguresAsync(Events events, HttpClient national)
    {
        var summary = await SummaryAsync(events, national);
        return (summary.Value(Total, Catalog.Producers), summary.Value(Total, UniqueProducers));
    }

    private static async Task<List<string>> PlanAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand($"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) {sql}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
