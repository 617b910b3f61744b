using System.Text.Json.Nodes;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Producers.Import;
using RedesPlataforma.Networks.ValueChains;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>NUL characters, implausible dates, left-out values and formula-like texts, endpoint family by family.</summary>
[Collection(NetworksHost.Name)]
public sealed class BadTextInputTests(NetworksApp app)
{
    private static readonly Guid Somewhere = Guid.CreateVersion7();

    // The body is read before any id is looked up, so ids that exist nowhere are enough.
    private static (string Url, object Body) Write(string family) => family switch
    {
        "producer" => ("/api/producers", ProducerScenario.Request()),
        "income" => ($"/api/producers/{Somewhere}/incomes", ProducerScenario.Income(IncomeKind.Baseline, 1200)),
        "valueChain" => ("/api/value-chains", new ValueChainRequest("cafe-especial", "Café especial", "Specialty coffee")),
        "network" => ("/api/networks", NetworkScenario.NetworkRequest(Somewhere, [Somewhere])),
        "member" => ($"/api/networks/{Somewhere}/members", new AddMemberRequest(Somewhere, new DateOnly(2025, 2, 1))),
        "monitoring" => ($"/api/networks/{Somewhere}/monitoring",
            new MonitoringRequest(new DateOnly(2025, 2, 1), 100, 10, "kg", 1, "kg/ha", ["secado"], ["feria"], 900)),
        _ => ($"/api/networks/{Somewhere}/phase", NetworkScenario.PhaseTo(Phase.PromotionAndSelection)),
    };

    [Theory]
    [InlineData("producer", "firstNames")]
    [InlineData("producer", "phone")]
    [InlineData("valueChain", "nameEs")]
    [InlineData("network", "name")]
    [InlineData("network", "valueChainCode")]
    [InlineData("monitoring", "volumeUnit")]
    [InlineData("phase", "evidence")]
    public async Task A_NUL_in_a_JSON_text_field_is_a_400_problem_naming_it(string family, string field)
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var (url, body) = Write(family);
        await BadInput.AssertNamesAsync(await admin.PostAsync(url, BadInput.With(body, field, BadInput.Nul)), field);
    }

    [Fact]
    public async Task A_NUL_in_a_list_of_labels_is_named_by_its_position()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var (url, body) = Write("monitoring");
        await BadInput.AssertNamesAsync(await admin.PostAsync(url, BadInput.With(body, "marketChannels", new JsonArray("feria", BadInput.Nul))), "marketChannels[1]");
    }

    [Theory]
    [InlineData("/api/producers?search=", "search")]
    [InlineData("/api/producers?chain=", "chain")]
    [InlineData("/api/producers/export?format=csv&search=", "search")]
    [InlineData("/api/producers/export?format=xlsx&district=", "district")]
    [InlineData("/api/networks?search=", "search")]
    [InlineData("/api/networks?chain=", "chain")]
    [InlineData("/api/places/districts?search=", "search")]
    public async Task A_NUL_in_a_query_parameter_is_a_400_problem_naming_it_and_no_download_starts(string url, string parameter)
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        await BadInput.AssertNamesAsync(await admin.GetAsync(url + BadInput.NulInQuery), parameter);
    }

    [Theory]
    [InlineData("producer", "consentDate", "0001-01-01")]
    [InlineData("producer", "consentDate", "1989-12-31")]
    [InlineData("income", "measuredOn", "0001-01-01")]
    [InlineData("network", "formedOn", "0001-01-01")]
    [InlineData("member", "on", "1900-01-01")]
    [InlineData("monitoring", "period", "9999-12-01")]
    [InlineData("monitoring", "period", "0001-01-01")]
    [InlineData("phase", "on", "0001-01-01")]
    public async Task An_implausible_date_is_a_400_problem_naming_it(string family, string field, string date)
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var (url, body) = Write(family);
        await BadInput.AssertNamesAsync(await admin.PostAsync(url, BadInput.With(body, field, date)), field);
    }

    [Theory]
    [InlineData("member", "producerId")]
    [InlineData("network", "leaderProducerId")]
    [InlineData("network", "specialistId")]
    public async Task A_left_out_id_is_a_400_problem_naming_it_not_an_empty_id(string family, string field)
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var (url, body) = Write(family);
        await BadInput.AssertNamesAsync(await admin.PostAsync(url, BadInput.Without(body, field)), field);
    }

    [Fact]
    public async Task A_producer_named_like_a_formula_is_defused_in_the_CSV_and_imports_back_as_typed()
    {
        const string Formula = "=HYPERLINK(\"http://x.test\",\"ver\")";
        var a = await ProducerScenario.AdminClientAsync(app);
        var b = await ProducerScenario.AdminClientAsync(app);
        await a.RegisterAsync(ProducerScenario.Request() with { FirstNames = Formula, Phone = "+51 984 123 456" });

        var csv = await (await a.GetAsync("/api/producers/export?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x.test\"\",\"\"ver\"\")\",", csv);
        Assert.Contains(",\"'+51 984 123 456\",", csv);
        Assert.Contains(",1982,", csv); // the birth year stays a number

        var report = await (await b.ImportAsync("export.csv", System.Text.Encoding.UTF8.GetBytes(csv), "dryRun=false")).ReadAsync<ImportReport>();
        Assert.Equal((1, 1), (report.TotalRows, report.Inserted));
        var imported = Assert.Single((await b.PageAsync<ProducerSummary>("/api/producers")).Items);
        Assert.Equal(Formula, imported.FirstNames);
    }
}
