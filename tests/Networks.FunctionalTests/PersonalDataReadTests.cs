using System.Net;
using System.Text.Json.Nodes;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.PersonalData;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>Who read producers' personal data: one entry per request, read by the tenant's admins alone.</summary>
[Collection(NetworksHost.Name)]
public sealed class PersonalDataReadTests(NetworksApp app)
{
    const string Reads = "/api/producers/personal-data/reads";

    [Fact]
    public async Task A_page_of_50_producers_is_one_entry_naming_the_actor_the_filters_and_the_rows()
    {
        var a = await app.OnboardAsync();
        var rows = Enumerable.Range(0, 52).Select(_ => ProducerScenario.CsvRow(ProducerScenario.NewDni())).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await a.Admin.ImportAsync("p.csv", ProducerScenario.Csv(rows), "dryRun=false")).StatusCode);

        var page = await a.Admin.PageAsync<ProducerSummary>("/api/producers?pageSize=50&region=PE-CUS&search=quispe");
        Assert.Equal(50, page.Items.Count);

        var entry = Assert.Single((await a.Admin.PageAsync<PersonalDataReadDto>(Reads)).Items);
        Assert.Equal((PersonalDataAction.ProducersListed, 50, a.Tenant.AdminId, "Rosa Quispe Mamani", (Guid?)null),
            (entry.Action, entry.Rows, entry.ActorId, entry.ActorName, entry.ProducerId));
        var query = JsonNode.Parse(entry.Query!)!;
        Assert.Equal(("PE-CUS", "quispe", 50), (query["filter"]!["region"]!.GetValue<string>(), query["filter"]!["search"]!.GetValue<string>(),
            query["pageSize"]!.GetValue<int>()));
        Assert.Equal(PeruCalendar.PeruToday(TimeProvider.System), entry.At.PeruDate());
    }

    [Fact]
    public async Task An_empty_page_is_still_one_entry_with_no_rows()
    {
        var a = await app.OnboardAsync();
        await a.Admin.GetAsync("/api/producers?search=nadie");
        var entry = Assert.Single((await a.Admin.PageAsync<PersonalDataReadDto>(Reads)).Items);
        Assert.Equal((PersonalDataAction.ProducersListed, 0), (entry.Action, entry.Rows));
    }

    [Fact]
    public async Task Opening_a_producer_is_one_entry_with_the_correlation_id_and_an_unknown_or_foreign_producer_none()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var producer = await a.Admin.RegisterAsync(ProducerScenario.Request());
        var foreign = await b.Admin.RegisterAsync(ProducerScenario.Request());
        var (viewerId, viewer) = await ProducerScenario.StaffClientAsync(app, a.Tenant, PlatformRoles.Viewer);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/producers/{producer.Id}");
        request.Headers.Add("X-Correlation-Id", "corr-123");
        Assert.Equal(HttpStatusCode.OK, (await viewer.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/producers/{foreign.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/producers/{Guid.NewGuid()}")).StatusCode);

        var entry = Assert.Single((await a.Admin.PageAsync<PersonalDataReadDto>(Reads)).Items);
        Assert.Equal((PersonalDataAction.ProducerOpened, producer.Id, viewerId, "Juan Pérez Huamán", "corr-123", 1),
            (entry.Action, entry.ProducerId, entry.ActorId, entry.ActorName, entry.CorrelationId, entry.Rows));
        Assert.Empty((await b.Admin.PageAsync<PersonalDataReadDto>(Reads)).Items);
    }

    [Fact]
    public async Task The_list_export_is_one_entry_with_its_filters()
    {
        var a = await app.OnboardAsync();
        await a.Admin.RegisterAsync(ProducerScenario.Request());
        await a.Admin.RegisterAsync(ProducerScenario.Request());
        var export = await a.Admin.GetAsync("/api/producers/export?format=xlsx&gender=Female");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await export.Content.ReadAsByteArrayAsync();

        var entry = Assert.Single((await a.Admin.PageAsync<PersonalDataReadDto>(Reads)).Items);
        Assert.Equal((PersonalDataAction.ProducersExported, (int?)null), (entry.Action, entry.Rows));
        var query = JsonNode.Parse(entry.Query!)!;
        Assert.Equal(("Female", "Xlsx"), (query["filter"]!["gender"]!.GetValue<string>(), query["format"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Admins_filter_the_log_by_actor_action_producer_and_Peru_dates_newest_first_in_pages()
    {
        var a = await app.OnboardAsync();
        var rosa = await a.Admin.RegisterAsync(ProducerScenario.Request());
        var luis = await a.Admin.RegisterAsync(ProducerScenario.Request());
        var (specialistId, specialist) = await ProducerScenario.StaffClientAsync(app, a.Tenant, PlatformRoles.Specialist);
        await a.Admin.GetAsync($"/api/producers/{rosa.Id}");
        await specialist.GetAsync($"/api/producers/{luis.Id}");
        await specialist.GetAsync($"/api/producers/{rosa.Id}");
        await specialist.GetAsync("/api/producers");

        var all = await a.Admin.PageAsync<PersonalDataReadDto>(Reads);
        Assert.Equal(4, all.TotalCount);
        Assert.Equal(all.Items.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r.Id), all.Items.Select(r => r.Id));
        Assert.Equal(PersonalDataAction.ProducersListed, all.Items[0].Action);

        Assert.Equal(3, (await a.Admin.PageAsync<PersonalDataReadDto>($"{Reads}?actor={specialistId}")).TotalCount);
        Assert.Equal(3, (await a.Admin.PageAsync<PersonalDataReadDto>($"{Reads}?action=ProducerOpened")).TotalCount);
        var rosaReads = await a.Admin.PageAsync<PersonalDataReadDto>($"{Reads}?producer={rosa.Id}");
        Assert.Equal(2, rosaReads.TotalCount);
        Assert.All(rosaReads.Items, r => Assert.Equal(rosa.Id, r.ProducerId));
        Assert.Equal(1, (await a.Admin.PageAsync<PersonalDataReadDto>($"{Reads}?actor={specialistId}&action=ProducerOpened&producer={rosa.Id}")).TotalCount);

        var today = PeruCalendar.PeruToday(TimeProvider.System);
        Assert.Equal(4, (await a.Admin.PageAsync<PersonalDataReadDto>($"{Reads}?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).TotalCount);
        Assert.Equal(0, (await a.Admin.PageAsync<PersonalDataReadDto>($"{Reads}?from={today.AddDays(1):yyyy-MM-dd}")).TotalCount);
        Assert.Equal(0, (await a.Admin.PageAsync<PersonalDataReadDto>($"{Reads}?to={today.AddDays(-1):yyyy-MM-dd}")).TotalCount);

        var second = await a.Admin.PageAsync<PersonalDataReadDto>($"{Reads}?page=2&pageSize=3");
        Assert.Equal((4, 2, 3), (second.TotalCount, second.PageNumber, second.PageSize));
        Assert.Equal(all.Items[3].Id, Assert.Single(second.Items).Id);
    }

    [Theory]
    [InlineData("from", "0001-01-01")]
    [InlineData("to", "9999-12-31")]
    public async Task A_date_out_of_range_is_a_400_problem_naming_it(string parameter, string date)
    {
        var a = await app.OnboardAsync();
        await BadInput.AssertNamesAsync(await a.Admin.GetAsync($"{Reads}?{parameter}={date}"), parameter);
    }

    [Theory]
    [InlineData(PlatformRoles.Supervisor)]
    [InlineData(PlatformRoles.Specialist)]
    [InlineData(PlatformRoles.Viewer)]
    public async Task Other_roles_are_refused_the_log(string role)
    {
        var a = await app.OnboardAsync();
        var (_, staff) = await ProducerScenario.StaffClientAsync(app, a.Tenant, role);
        await ProducerScenario.AssertProblemAsync(await staff.GetAsync(Reads), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_tenants_entries_are_never_visible_even_by_their_producer()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var producer = await a.Admin.RegisterAsync(ProducerScenario.Request());
        await a.Admin.GetAsync($"/api/producers/{producer.Id}");
        await b.Admin.GetAsync("/api/producers");

        Assert.Equal(0, (await b.Admin.PageAsync<PersonalDataReadDto>($"{Reads}?producer={producer.Id}")).TotalCount);
        Assert.Equal([PersonalDataAction.ProducersListed], (await b.Admin.PageAsync<PersonalDataReadDto>(Reads)).Items.Select(r => r.Action));
        Assert.Equal([PersonalDataAction.ProducerOpened], (await a.Admin.PageAsync<PersonalDataReadDto>(Reads)).Items.Select(r => r.Action));
    }
}
