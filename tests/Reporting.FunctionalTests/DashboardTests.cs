using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Contracts.Financing;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Reporting.Dashboard;
using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Tenants.Staff;
using RedesPlataforma.Testing;
using static RedesPlataforma.Reporting.Figures.Catalog;
using static RedesPlataforma.Reporting.FunctionalTests.Facts;

namespace RedesPlataforma.Reporting.FunctionalTests;

[Collection(ReportingHost.Name)]
public sealed class DashboardTests(ReportingApp app)
{
    private const string Total = ReportTables.TotalKey;

    [Fact]
    public async Task Events_from_every_service_become_the_tenant_dashboard_and_its_filters_narrow_it()
    {
        await using var events = await Events.StartAsync(app);
        var tenant = await app.OnboardAsync();
        var t = tenant.Id;
        // Real staff events from the Tenants service: two specialists, one of them trained.
        var trained = await tenant.Tenant.CreateStaffAsync("Specialist");
        await tenant.Tenant.CreateStaffAsync("Specialist");
        await (await tenant.Tenant.Admin.PostAsJsonAsync($"/api/staff/{trained.Id}/trainings",
            new TrainingRequest("Módulo 1: articulación comercial", new DateOnly(2025, 1, 15), 16, true))).ShouldBeAsync(HttpStatusCode.Created);

        var (n1, n2, programme, p1, p2) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await events.PublishAllAsync(t,
            Producer(t), Producer(t), Producer(t), Producer(t, gender: "Male"), Producer(t, gender: "Male"),
            Producer(t, region: "PE-PUN", at: At(2025, 3)),
            Network(t, n1, "cuy", "PE-CUS", phase: 2, womenLed: true, members: 5, women: 3),
            Network(t, n2, "quinoa", "PE-PUN", phase: 3, members: 4, women: 1),
            Approved(t, p1, n1, programme, 7_000m, 2_000m, 1_000m),
            Submitted(t, p2, n2, programme, 5_000m, 1_500m, 500m, "quinoa", "PE-PUN"),
            Disbursement(t, p1, n1, programme, 2_500m),
            new ContributionRecorded(t, p1, programme, n1, "cuy", "PE-CUS", Guid.NewGuid(), 100m, 50m, new DateOnly(2025, 4, 2)),
            Monitoring(t, n1, new DateOnly(2025, 2, 1), 1_000m, null),
            Monitoring(t, n1, new DateOnly(2025, 3, 1), 1_500m, 10m),
            Monitoring(t, n2, new DateOnly(2025, 3, 1), 800m, 20m, "quinoa", "PE-PUN"));
        await events.PublishAsync(t, new ProgrammePublished(programme, t, "Procompite Cusco", "Gobierno Regional", 500_000m, 50_000m, 0.3m,
            new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), [], [], At(2025, 1)));

        await app.ProcessedAsync(events);
        var viewer = await app.ClientForAsync((await tenant.Tenant.CreateStaffAsync("Viewer")).Email, Scenario.Password);
        var dashboard = await ReportingScenario.EventuallyAsync(() => viewer.DashboardAsync(), d =>
                d.Summary.Value(Total, Specialists) == 2 && d.Summary.Value(Total, TrainedSpecialists) == 1 && d.Summary.Value(Total, Catalog.Producers) == 6 &&
                d.Summary.Value(Total, Catalog.Networks) == 2 && d.Summary.Value(Total, ContributionExecuted) == 150m && d.Summary.Value(Total, Sales) == 3_300m &&
                d.Summary.Value(Total, ProgrammeFunds) == 7_000m && d.Table("phases").Rows.All(r => r.Key != "-1") &&
                d.Table("programmes").Rows.Any(r => r.Label == "Procompite Cusco"),
            "the tenant's events in its dashboard");

        Assert.Equal(tenant.Id, dashboard.TenantId);
        var s = dashboard.Summary;
        Assert.Equal([2m, 1m, 6m, 4m, 2m, 2m, 1m, 9m, 4m], new[] { Specialists, TrainedSpecialists, Catalog.Producers, FemaleProducers, MaleProducers,
            Catalog.Networks, WomenLedNetworks, Members, FemaleMembers }.Select(f => s.Value(Total, f)));
        Assert.Equal([1m, 7_000m, 3_000m, 30m, 2_500m, 150m, 2_000m, 3_300m, 15m], new[] { PlansApproved, ProgrammeFunds, NetworkContribution,
            ContributionShare, Disbursed, ContributionExecuted, InvestmentPerProducer, Sales, IncomeChange }.Select(f => s.Value(Total, f)));

        var regions = dashboard.Table("regions");
        Assert.Equal(["Cusco", "Puno"], regions.Rows.Select(r => r.Label));
        Assert.Equal([5m, 3m, 2m, 1m, 1m, 7_000m, 2_000m, 2_500m, 10m], new[] { Catalog.Producers, FemaleProducers, MaleProducers, Catalog.Networks,
            WomenLedNetworks, ProgrammeFunds, InvestmentPerProducer, Sales, IncomeChange }.Select(f => regions.Value("PE-CUS", f)));
        Assert.Null(regions.Value("PE-PUN", ContributionShare)); // nothing approved in Puno: no share to compute
        Assert.Equal([1m, 4m, 800m], new[] { Catalog.Networks, Members, Sales }.Select(f => dashboard.Table("phases").Value("3", f)));
        Assert.Equal(7_000m, dashboard.Table("value-chains").Value("cuy", ProgrammeFunds));
        Assert.Equal([7_000m, 2_500m, 150m], new[] { ProgrammeFunds, Disbursed, ContributionExecuted }
            .Select(f => dashboard.Table("programmes").Value(programme.ToString(), f)));

        // Filters: region, value chain, phase, period (facts by their month; networks as they are now).
        var cusco = (await viewer.DashboardAsync("?region=PE-CUS")).Summary;
        Assert.Equal([5m, 1m, 7_000m, 2_500m], new[] { Catalog.Producers, Catalog.Networks, ProgrammeFunds, Sales }.Select(f => cusco.Value(Total, f)));
        var quinoa = (await viewer.DashboardAsync("?chain=quinoa")).Summary;
        Assert.Equal([1m, 4m, 0m, 800m], new[] { Catalog.Networks, Members, ProgrammeFunds, Sales }.Select(f => quinoa.Value(Total, f)));
        var phase2 = (await viewer.DashboardAsync("?phase=2")).Summary;
        Assert.Equal([1m, 7_000m, 2_500m], new[] { Catalog.Networks, ProgrammeFunds, Sales }.Select(f => phase2.Value(Total, f)));
        var march = (await viewer.DashboardAsync("?from=2025-03&to=2025-03")).Summary;
        Assert.Equal([1m, 0m, 2_500m, 0m, 2_300m, 15m, 2m], new[] { Catalog.Producers, ProgrammeFunds, Disbursed, ContributionExecuted, Sales, IncomeChange,
            Catalog.Networks }.Select(f => march.Value(Total, f)));

        var series = await (await viewer.GetAsync("/api/reporting/dashboard/series")).ReadAsync<ReportTable>();
        Assert.Equal(["2025-01", "2025-02", "2025-03", "2025-04"], series.Rows.Select(r => r.Key));
        Assert.Equal(5m, series.Value("2025-01", Catalog.Producers));
        Assert.Equal([1m, 7_000m, 1_000m], new[] { PlansApproved, ProgrammeFunds, Sales }.Select(f => series.Value("2025-02", f)));
        Assert.Equal([1m, 2_500m, 2_300m], new[] { Catalog.Producers, Disbursed, Sales }.Select(f => series.Value("2025-03", f)));
        Assert.Equal(150m, series.Value("2025-04", ContributionExecuted));
        Assert.Equal(3_300m, series.Value(Total, Sales));
    }

    [Fact]
    public async Task A_tenants_dashboard_and_its_exports_never_include_another_tenants_data()
    {
        await using var events = await Events.StartAsync(app);
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var (aNetwork, bNetwork, programme) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await events.PublishAllAsync(a.Id, Producer(a.Id), Producer(a.Id), Network(a.Id, aNetwork, "cuy", "PE-CUS"));
        await events.PublishAllAsync(b.Id, Producer(b.Id, "PE-PUN"), Producer(b.Id, "PE-PUN"), Producer(b.Id, "PE-PUN"),
            Network(b.Id, bNetwork, "quinoa", "PE-PUN", phase: 3), Approved(b.Id, Guid.NewGuid(), bNetwork, programme, 9_000m, 3_000m, 0m, "quinoa", "PE-PUN"));
        await app.ProcessedAsync(events);
        var aViewer = await app.ClientForAsync((await a.Tenant.CreateStaffAsync("Viewer")).Email, Scenario.Password);

        foreach (var query in new[] { "", $"?tenantId={b.Id}", $"?tenant={b.Id}&region=PE-PUN" })
        {
            var seen = await aViewer.DashboardAsync(query);
            Assert.Equal(query.Contains("PE-PUN") ? 0 : 1, seen.Summary.Value(Total, Catalog.Networks));
            Assert.Equal(a.Id, seen.TenantId);
            Assert.Equal(query.Contains("PE-PUN") ? 0 : 2, seen.Summary.Value(Total, Catalog.Producers));
            Assert.Equal(0m, seen.Summary.Value(Total, ProgrammeFunds));
            Assert.All(seen.Tables, table => Assert.DoesNotContain(table.Rows, r => r.Key is "PE-PUN" or "quinoa" or "3"));
        }
        var csv = await (await aViewer.GetAsync($"/api/reporting/dashboard/regions.csv?tenantId={b.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("PE-CUS,Cusco,2,", csv);
        Assert.DoesNotContain("PE-PUN", csv);
        var bSeen = await b.Admin.DashboardAsync();
        Assert.Equal((3m, 1m), (bSeen.Summary.Value(Total, Catalog.Producers)!.Value, bSeen.Summary.Value(Total, Catalog.Networks)!.Value));
        Assert.DoesNotContain(bSeen.Table("regions").Rows, r => r.Key == "PE-CUS");
    }

    [Fact]
    public async Task Bad_filters_are_400_problems_naming_the_parameter_and_unknown_tables_404()
    {
        var tenant = await app.OnboardAsync();
        foreach (var (query, parameter) in new[]
                 {
                     ("?region=PE-XXX", "region"), ("?phase=7", "phase"), ("?from=2025-13", "from"), ("?to=marzo", "to"),
                     ("?from=2025-06&to=2025-01", "to"), ($"?chain={new string('c', 41)}", "chain"),
                 })
        {
            await (await tenant.Admin.GetAsync($"/api/reporting/dashboard{query}")).ShouldBeAsync(HttpStatusCode.BadRequest, parameter);
            await (await tenant.Admin.GetAsync($"/api/reporting/dashboard/series{query}")).ShouldBeAsync(HttpStatusCode.BadRequest, parameter);
            await (await tenant.Admin.GetAsync($"/api/reporting/dashboard/regions.csv{query}")).ShouldBeAsync(HttpStatusCode.BadRequest, parameter);
        }
        await (await tenant.Admin.GetAsync("/api/reporting/dashboard?phase=dos")).ShouldBeAsync(HttpStatusCode.BadRequest);
        var unknown = await tenant.Admin.GetAsync("/api/reporting/dashboard/producers.csv");
        await unknown.ShouldBeAsync(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        await (await tenant.Admin.GetAsync("/api/reporting/dashboard/regions.pdf")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_tenant_table_downloads_as_CSV_and_xlsx_with_the_dashboards_numbers()
    {
        await using var events = await Events.StartAsync(app);
        var tenant = await app.OnboardAsync();
        var network = Guid.NewGuid();
        await events.PublishAllAsync(tenant.Id, Producer(tenant.Id), Producer(tenant.Id, "PE-PUN", "Male"), Network(tenant.Id, network, "cuy", "PE-CUS", phase: 2),
            Approved(tenant.Id, Guid.NewGuid(), network, Guid.NewGuid(), 1_234.5m, 500m, 0m));
        await app.ProcessedAsync(events);
        var dashboard = await tenant.Admin.DashboardAsync();
        Assert.Equal((2m, 1m, 1_234.5m), (dashboard.Summary.Value(Total, Catalog.Producers)!.Value, dashboard.Summary.Value(Total, Catalog.Networks)!.Value,
            dashboard.Summary.Value(Total, ProgrammeFunds)!.Value));

        foreach (var table in dashboard.Tables.Append(dashboard.Summary))
        {
            var csv = await tenant.Admin.GetAsync($"/api/reporting/dashboard/{table.Name}.csv");
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(string.Join(',', [table.Dimension, "label", .. table.Columns.Select(c => c.Key)]), lines[0]);
            Assert.Equal(table.Rows.Count + 1, lines.Length - 1);
            Assert.Equal(string.Join(',', ["total", "Total", .. table.Total.Values.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture))]), lines[^1]);

            var xlsx = await tenant.Admin.GetAsync($"/api/reporting/dashboard/{table.Name}.xlsx");
            Assert.Equal(BuildingBlocks.Export.TableExport.XlsxContentType, xlsx.Content.Headers.ContentType?.MediaType);
            var sheet = Spreadsheet.Rows(await xlsx.Content.ReadAsByteArrayAsync());
            Assert.Equal(lines.Length, sheet.Count);
            Assert.Equal(lines[^1].Split(',').Select(v => v.Length == 0 ? null : v), sheet[^1]);
        }
        var regions = await (await tenant.Admin.GetAsync("/api/reporting/dashboard/regions.csv?region=PE-CUS")).Content.ReadAsStringAsync();
        Assert.Contains("PE-CUS,Cusco,1,1,0,1,0,", regions);
        Assert.DoesNotContain("PE-PUN", regions);
    }

    [Fact]
    public async Task A_programme_named_like_a_formula_downloads_defused_in_the_CSV_with_its_numbers_still_numbers()
    {
        const string Formula = "=HYPERLINK(\"http://x.test\",\"ver\")";
        await using var events = await Events.StartAsync(app);
        var tenant = await app.OnboardAsync();
        var (programme, network) = (Guid.NewGuid(), Guid.NewGuid());
        await events.PublishAllAsync(tenant.Id, Network(tenant.Id, network, "cuy", "PE-CUS", phase: 2), Approved(tenant.Id, Guid.NewGuid(), network, programme, 1_234.5m, 500m, 0m));
        await events.PublishAsync(tenant.Id, new ProgrammePublished(programme, tenant.Id, Formula, "-Municipio", 500_000m, 50_000m, 0.3m,
            new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), [], [], At(2025, 1)));
        await app.ProcessedAsync(events);
        var dashboard = await ReportingScenario.EventuallyAsync(() => tenant.Admin.DashboardAsync(), d => d.Table("programmes").Rows.Any(r => r.Label == Formula), "the programme's name");
        var figures = dashboard.Table("programmes").Row(programme.ToString()).Values.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var csv = await (await tenant.Admin.GetAsync("/api/reporting/dashboard/programmes.csv")).Content.ReadAsStringAsync();

        Assert.Contains(string.Join(',', [programme.ToString(), "\"'=HYPERLINK(\"\"http://x.test\"\",\"\"ver\"\")\"", .. figures]) + "\r\n", csv);
    }

    [Theory]
    [InlineData("/api/reporting/dashboard?chain=", "chain")]
    [InlineData("/api/reporting/dashboard/series?region=", "region")]
    [InlineData("/api/reporting/dashboard/programmes.csv?chain=", "chain")]
    public async Task A_NUL_in_a_filter_is_a_400_problem_naming_it_and_no_download_starts(string url, string parameter)
    {
        var tenant = await app.OnboardAsync();
        await BadInput.AssertNamesAsync(await tenant.Admin.GetAsync(url + BadInput.NulInQuery), parameter);
    }
}
