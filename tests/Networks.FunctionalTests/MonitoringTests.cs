using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class MonitoringTests(NetworksApp app)
{
    static MonitoringRequest Record(DateOnly period, decimal income, decimal sales = 12_500.50m) => new(
        period, sales, 850m, "kg", 3.25m, "kg/cuy", ["Selección", "Empaque"], ["Feria local", "Restaurante"], income);

    [Fact]
    public async Task A_month_has_one_record_a_second_one_is_a_conflict_and_PUT_corrects_it()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var url = $"/api/networks/{network.Id}/monitoring";

        var created = await (await specialist.Client.PostAsJsonAsync(url, Record(new DateOnly(2025, 3, 17), 400m))).ReadAsync<MonitoringRecordDto>();
        Assert.Equal(new DateOnly(2025, 3, 1), created.Period);
        await (await specialist.Client.PostAsJsonAsync(url, Record(new DateOnly(2025, 3, 2), 420m))).ShouldBeAsync(HttpStatusCode.Conflict, "period");

        var corrected = await (await specialist.Client.PutAsJsonAsync($"{url}/2025-03-01", Record(new DateOnly(2025, 3, 31), 410m, sales: 13_000m))).ReadAsync<MonitoringRecordDto>();
        Assert.Equal((410m, 13_000m), (corrected.AverageMemberNetIncomePen, corrected.SalesPen));
        await (await specialist.Client.PutAsJsonAsync($"{url}/2025-03-01", Record(new DateOnly(2025, 4, 1), 410m))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "period");
        await (await specialist.Client.PutAsJsonAsync($"{url}/2025-05-01", Record(new DateOnly(2025, 5, 1), 410m))).ShouldBeAsync(HttpStatusCode.NotFound);

        var overview = await (await tenant.Admin.GetAsync(url)).ReadAsync<MonitoringOverview>();
        var only = Assert.Single(overview.Records);
        Assert.Equal((new DateOnly(2025, 3, 1), 410m, 13_000m, "kg/cuy"), (only.Period, only.AverageMemberNetIncomePen, only.SalesPen, only.ProductivityUnit));
        Assert.Equal(["Selección", "Empaque"], only.PostHarvestPractices);
        Assert.Null(overview.IncomeChangePercent);
    }

    [Fact]
    public async Task The_income_change_compares_the_latest_month_with_the_first_in_period_order()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var url = $"/api/networks/{network.Id}/monitoring";

        await (await specialist.Client.PostAsJsonAsync(url, Record(new DateOnly(2025, 6, 1), 500m))).ShouldBeAsync(HttpStatusCode.Created);
        await (await specialist.Client.PostAsJsonAsync(url, Record(new DateOnly(2025, 2, 1), 400m))).ShouldBeAsync(HttpStatusCode.Created);
        await (await specialist.Client.PostAsJsonAsync(url, Record(new DateOnly(2025, 4, 1), 650.75m))).ShouldBeAsync(HttpStatusCode.Created);

        var overview = await (await specialist.Client.GetAsync(url)).ReadAsync<MonitoringOverview>();
        Assert.Equal([new DateOnly(2025, 2, 1), new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 1)], overview.Records.Select(r => r.Period));
        Assert.Equal(25.00m, overview.IncomeChangePercent);

        await (await specialist.Client.PutAsJsonAsync($"{url}/2025-06-01", Record(new DateOnly(2025, 6, 1), 533.33m))).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(33.33m, (await (await specialist.Client.GetAsync(url)).ReadAsync<MonitoringOverview>()).IncomeChangePercent);
    }

    [Fact]
    public async Task Amounts_must_not_be_negative_nor_have_more_than_two_decimals_and_the_month_not_be_in_the_future()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var url = $"/api/networks/{network.Id}/monitoring";
        var valid = Record(new DateOnly(2025, 3, 1), 400m);

        await (await specialist.Client.PostAsJsonAsync(url, valid with { SalesPen = 100.005m })).ShouldBeAsync(HttpStatusCode.BadRequest, "salesPen");
        await (await specialist.Client.PostAsJsonAsync(url, valid with { AverageMemberNetIncomePen = -1m })).ShouldBeAsync(HttpStatusCode.BadRequest, "averageMemberNetIncomePen");
        await (await specialist.Client.PostAsJsonAsync(url, valid with { Volume = 1_000_000_000_000m })).ShouldBeAsync(HttpStatusCode.BadRequest, "volume");
        await (await specialist.Client.PostAsJsonAsync(url, valid with { VolumeUnit = "" })).ShouldBeAsync(HttpStatusCode.BadRequest, "volumeUnit");
        await (await specialist.Client.PostAsJsonAsync(url, valid with { MarketChannels = ["Feria", " "] })).ShouldBeAsync(HttpStatusCode.BadRequest, "marketChannels");
        await (await specialist.Client.PostAsJsonAsync(url, new { period = "2025-03-01", volume = 1, volumeUnit = "kg", productivity = 1, productivityUnit = "kg/ha", averageMemberNetIncomePen = 1 }))
            .ShouldBeAsync(HttpStatusCode.BadRequest, "salesPen");
        await (await specialist.Client.PostAsJsonAsync(url, valid with { Period = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1) }))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "period");
        Assert.Empty((await (await specialist.Client.GetAsync(url)).ReadAsync<MonitoringOverview>()).Records);

        var exact = await (await specialist.Client.PostAsJsonAsync(url, valid with { SalesPen = 100.10m, AverageMemberNetIncomePen = 0m })).ReadAsync<MonitoringRecordDto>();
        Assert.Equal((100.10m, 0m), (exact.SalesPen, exact.AverageMemberNetIncomePen));
    }
}
