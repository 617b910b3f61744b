using System.Diagnostics;
using System.Net;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Testing;
using Xunit.Abstractions;
using static RedesPlataforma.Reporting.FunctionalTests.Facts;

namespace RedesPlataforma.Reporting.FunctionalTests;

public sealed class NationalAccessTests(ReportingApp app, ITestOutputHelper output) : IClassFixture<ReportingApp>
{
    [Fact]
    public async Task Every_tenant_role_gets_403_on_national_endpoints_and_the_national_unit_403_on_the_tenant_dashboard()
    {
        var tenant = await app.OnboardAsync();
        var clients = new List<HttpClient> { tenant.Admin };
        foreach (var role in new[] { "Supervisor", "Specialist", "Viewer" })
            clients.Add(await app.ClientForAsync((await tenant.Tenant.CreateStaffAsync(role)).Email, Scenario.Password));

        foreach (var client in clients)
        {
            await (await client.GetAsync("/api/reporting/national")).ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/api/reporting/national/regions.csv")).ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/api/reporting/national/institutions.xlsx")).ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.DeleteAsync("/api/reporting/read-models")).ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/api/reporting/dashboard")).ShouldBeAsync(HttpStatusCode.OK);
        }
        var national = await app.NationalClientAsync();
        await (await national.GetAsync("/api/reporting/national")).ShouldBeAsync(HttpStatusCode.OK);
        await (await national.GetAsync("/api/reporting/dashboard")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await national.GetAsync("/api/reporting/dashboard/series")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await national.GetAsync("/api/reporting/dashboard/regions.csv")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await app.CreateClient().GetAsync("/api/reporting/national")).ShouldBeAsync(HttpStatusCode.Unauthorized);
        await (await national.GetAsync("/api/reporting/national/producers.csv")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_change_in_networks_or_financing_shows_in_national_figures_within_a_second_at_the_95th_percentile()
    {
        await using var events = await Events.StartAsync(app);
        var national = await app.NationalClientAsync();
        var tenant = await app.OnboardAsync();
        // Three networks, so the national figures are not small cells (which would be suppressed).
        var network = Guid.NewGuid();
        await events.PublishAllAsync(tenant.Id, Network(tenant.Id, network, members: 10), Network(tenant.Id, Guid.NewGuid()), Network(tenant.Id, Guid.NewGuid()));
        var members = await ReportingScenario.EventuallyAsync(() => national.NationalAsync(),
            n => n.Summary.Value(ReportTables.TotalKey, Catalog.Networks) >= 3, "the networks in national figures");
        var baseline = members.Summary.Value(ReportTables.TotalKey, Catalog.Members)!.Value;

        var latencies = new List<TimeSpan>();
        for (var i = 1; i <= 20; i++)
        {
            var clock = Stopwatch.StartNew();
            await events.PublishAsync(tenant.Id, new NetworkMembershipChanged(tenant.Id, network, Guid.NewGuid(), true, 10 + i, 5, new DateOnly(2025, 2, 1)));
            await ReportingScenario.EventuallyAsync(() => national.NationalAsync(),
                n => n.Summary.Value(ReportTables.TotalKey, Catalog.Members) == baseline + i, $"member {10 + i}", seconds: 10);
            latencies.Add(clock.Elapsed);
        }

        var p95 = latencies.Order().ElementAt((int)Math.Ceiling(0.95 * latencies.Count) - 1);
        output.WriteLine($"publish → national figure: median {latencies.Order().ElementAt(latencies.Count / 2).TotalMilliseconds:0} ms, p95 {p95.TotalMilliseconds:0} ms");
        Assert.True(p95 < TimeSpan.FromSeconds(1), $"p95 {p95.TotalMilliseconds:0} ms; all: {string.Join(", ", latencies.Select(l => $"{l.TotalMilliseconds:0}"))}");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_reporting_endpoint()
    {
        var document = await (await app.CreateClient().GetAsync("/openapi/v1.json")).ReadAsync<System.Text.Json.JsonElement>();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/reporting/dashboard", "/api/reporting/dashboard/series", "/api/reporting/dashboard/{table}.{format}",
            "/api/reporting/national", "/api/reporting/national/{table}.{format}", "/api/reporting/personal-data/producers/{id}",
            "/api/reporting/personal-data/reads", "/api/reporting/read-models", "/api/reporting/rebuild"],
            paths.Order(StringComparer.Ordinal));
    }
}
