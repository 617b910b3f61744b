using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Tenants.Staff;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class SpecialistProjectionTests(NetworksApp app)
{
    [Fact]
    public async Task Staff_events_from_the_Tenants_service_keep_the_specialist_list_of_each_tenant()
    {
        var a = await app.Tenants.OnboardAsync();
        var b = await app.Tenants.OnboardAsync();
        var specialist = await a.CreateStaffAsync("Specialist");
        await (await a.Admin.PostAsJsonAsync($"/api/staff/{specialist.Id}/trainings", new TrainingRequest("Metodología", new DateOnly(2025, 5, 2), 40, true))).ReadAsync<TrainingDto>();
        var other = await b.CreateStaffAsync("Specialist");

        await Eventually(async () => (await SpecialistAsync(a.TenantId, specialist.Id)) is { IsTrained: true, IsActive: true });
        Assert.Null(await SpecialistAsync(a.TenantId, other.Id));
        await Eventually(async () => (await SpecialistAsync(b.TenantId, other.Id)) is not null);

        await (await a.Admin.PostAsync($"/api/staff/{specialist.Id}/deactivate", null)).ReadAsync<StaffDetails>();
        await Eventually(async () => (await SpecialistAsync(a.TenantId, specialist.Id)) is { IsActive: false });
    }

    [Fact]
    public async Task The_service_accepts_tokens_issued_by_the_Tenants_service_and_refuses_requests_without_one()
    {
        var a = await app.Tenants.OnboardAsync();
        var client = await app.ClientForAsync(a.AdminEmail, Scenario.Password);
        Assert.Contains(await (await client.GetAsync("/api/value-chains")).ReadAsync<List<ValueChains.ValueChainDto>>(), c => c.Code == "cuy");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/value-chains")).StatusCode);
    }

    [Fact]
    public async Task The_national_unit_reads_the_national_value_chain_catalogue_and_no_tenants_own_chains()
    {
        var a = await app.Tenants.OnboardAsync();
        var admin = await app.ClientForAsync(a.AdminEmail, Scenario.Password);
        await (await admin.PostAsJsonAsync("/api/value-chains", new ValueChains.ValueChainRequest("tuna-roja", "Tuna roja", "Red prickly pear"))).ReadAsync<ValueChains.ValueChainDto>();
        var national = await app.ClientForAsync(TenantsApp.NationalEmail, TenantsApp.NationalPassword);

        var chains = await (await national.GetAsync("/api/value-chains")).ReadAsync<List<ValueChains.ValueChainDto>>();

        Assert.Contains(chains, c => c is { Code: "cuy", NameEs: "Cuy", National: true });
        Assert.All(chains, c => Assert.True(c.National));
        Assert.DoesNotContain(chains, c => c.Code == "tuna-roja");
        Assert.Contains(await (await admin.GetAsync("/api/value-chains")).ReadAsync<List<ValueChains.ValueChainDto>>(), c => c.Code == "tuna-roja");
        Assert.Equal(HttpStatusCode.Forbidden, (await national.PostAsJsonAsync("/api/value-chains", new ValueChains.ValueChainRequest("uva", "Uva", "Grape"))).StatusCode);
    }

    private async Task<Specialists.Specialist?> SpecialistAsync(Guid tenantId, Guid id)
    {
        await using var scope = TenantScope.Begin(app.Services, new TenantInfo(tenantId, "t", "t"));
        return await scope.Services.GetRequiredService<NetworksDb>().Specialists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not hold within 20 s.");
            await Task.Delay(100);
        }
    }
}
