using System.Net;
using System.Net.Http.Json;
using System.Text;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Producers.Import;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>What tenant A writes, tenant B cannot read, change, count, export or collide with.</summary>
[Collection(NetworksHost.Name)]
public sealed class ProducerIsolationTests(NetworksApp app)
{
    [Fact]
    public async Task Another_tenant_gets_404_for_every_producer_endpoint_and_changes_nothing()
    {
        var a = await ProducerScenario.AdminClientAsync(app);
        var b = await ProducerScenario.AdminClientAsync(app);
        var producer = await a.RegisterAsync(ProducerScenario.Request());
        var url = $"/api/producers/{producer.Id}";

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PutAsJsonAsync(url, ProducerScenario.Request(dni: producer.Dni) with { FirstNames = "Intrusa" }, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"{url}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"{url}/reactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"{url}/incomes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsJsonAsync($"{url}/incomes", ProducerScenario.Income(IncomeKind.Baseline, 100m), Json.Options)).StatusCode);

        var unchanged = await (await a.GetAsync(url)).ReadAsync<ProducerDto>();
        Assert.Equal((producer.FirstNames, true, producer.UpdatedAt), (unchanged.FirstNames, unchanged.IsActive, unchanged.UpdatedAt));
        Assert.Empty(await (await a.GetAsync($"{url}/incomes")).ReadAsync<List<IncomeDto>>());
    }

    [Fact]
    public async Task Lists_searches_and_exports_count_only_the_callers_tenant()
    {
        var a = await ProducerScenario.AdminClientAsync(app);
        var b = await ProducerScenario.AdminClientAsync(app);
        var ofA = await a.RegisterAsync(ProducerScenario.Request() with { LastNames = "Solo De A" });
        await a.RegisterAsync(ProducerScenario.Request());
        var ofB = await b.RegisterAsync(ProducerScenario.Request());

        Assert.Equal(2, (await a.PageAsync<ProducerSummary>("/api/producers")).TotalCount);
        Assert.Equal([ofB.Id], (await b.PageAsync<ProducerSummary>("/api/producers")).Items.Select(p => p.Id));
        Assert.Equal(0, (await b.PageAsync<ProducerSummary>($"/api/producers?search={ofA.Dni}")).TotalCount);
        Assert.Equal(0, (await b.PageAsync<ProducerSummary>("/api/producers?search=Solo%20De%20A")).TotalCount);

        var exported = await (await b.GetAsync("/api/producers/export?format=csv")).Content.ReadAsStringAsync();
        var lines = exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(ofB.Dni, lines[1]);
    }

    [Fact]
    public async Task The_same_DNI_may_be_registered_in_two_tenants_and_an_import_neither_sees_nor_collides_with_the_other_tenants_rows()
    {
        var a = await ProducerScenario.AdminClientAsync(app);
        var b = await ProducerScenario.AdminClientAsync(app);
        var shared = ProducerScenario.NewDni();
        var ofA = await a.RegisterAsync(ProducerScenario.Request(dni: shared));

        var file = ProducerScenario.Csv(ProducerScenario.CsvRow(shared));
        var dryRun = await (await b.ImportAsync("p.csv", file)).ReadAsync<ImportReport>();
        Assert.Equal((1, 0), (dryRun.ValidRows, dryRun.InvalidRows));
        var report = await (await b.ImportAsync("p.csv", file, "dryRun=false")).ReadAsync<ImportReport>();
        Assert.Equal(1, report.Inserted);

        var ofB = Assert.Single((await b.PageAsync<ProducerSummary>($"/api/producers?search={shared}")).Items);
        Assert.NotEqual(ofA.Id, ofB.Id);
        await ProducerScenario.AssertProblemAsync( // B's own copy now blocks a second one in B
            await b.PostAsJsonAsync("/api/producers", ProducerScenario.Request(dni: shared), Json.Options), HttpStatusCode.Conflict, "dni");

        var again = await (await a.ImportAsync("p.csv", file)).ReadAsync<ImportReport>();
        Assert.Equal("dni.registered", Assert.Single(Assert.Single(again.Errors).Reasons).Code);
        Assert.Equal(1, (await a.PageAsync<ProducerSummary>("/api/producers")).TotalCount);
    }

    [Fact]
    public async Task The_national_unit_reaches_no_producer_records()
    {
        var a = await ProducerScenario.AdminClientAsync(app);
        var producer = await a.RegisterAsync(ProducerScenario.Request());
        var national = await app.ClientForAsync(TenantsApp.NationalEmail, TenantsApp.NationalPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await national.GetAsync("/api/producers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await national.GetAsync($"/api/producers/{producer.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await national.GetAsync("/api/producers/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await national.PostAsJsonAsync("/api/producers", ProducerScenario.Request(), Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await national.ImportAsync("p.csv", Encoding.UTF8.GetBytes(ProducerScenario.CsvHeader))).StatusCode);
    }
}
