using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Financing.PersonalData;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Financing.FunctionalTests;

/// <summary>Financing's part of a producer's access request: the plan lines of their networks that name them, and nothing else.</summary>
[Collection(FinancingHost.Name)]
public sealed class PersonalDataTests(FinancingApp app)
{
    [Fact]
    public async Task Only_the_lines_of_the_persons_networks_naming_them_are_returned_and_the_read_is_recorded()
    {
        var (tenant, specialist, network) = await app.TenantWithNetworkAsync();
        var otherNetwork = await app.SeedNetworkAsync(tenant.Id, specialist.Id);
        var programme = await tenant.Admin.PublishAsync(FinancingScenario.ProgrammeRequest());
        var naming = FinancingScenario.Line(1, 500m, 350m, 100m, 50m) with { Description = "Jornal de MARIA quispe-huaman (lideresa)" };
        var other = FinancingScenario.Line(1, 800m, 560m, 160m, 80m) with { Description = "Jornal de Mariano Quispe Huamán" };
        var plan = await specialist.Client.DraftAsync(FinancingScenario.PlanRequest(network, programme.Id, FinancingScenario.Line(10, 1_000m, 7_000m, 2_000m, 1_000m), naming, other));
        await specialist.Client.DraftAsync(FinancingScenario.PlanRequest(otherNetwork, programme.Id, naming));
        var producer = Guid.NewGuid();

        var response = await tenant.Admin.PostAsJsonAsync($"/api/financing/personal-data/producers/{producer}",
            new PlanLinesNamingRequest("María Quispe Huamán", [network]));
        var part = await response.ReadAsync<FinancingDataPart>();

        var line = Assert.Single(part.PlanLines);
        Assert.Equal((plan.Id, network, 1, "Jornal de MARIA quispe-huaman (lideresa)", 500m), (line.PlanId, line.NetworkId, line.Position, line.Description, line.AmountPen));
        var entry = Assert.Single((await tenant.Admin.PageAsync<PersonalDataReadDto>("/api/financing/personal-data/reads")).Items);
        Assert.Equal((PersonalDataAction.ProducerDataExported, producer, tenant.Tenant.AdminId), (entry.Action, entry.ProducerId, entry.ActorId));
    }

    [Fact]
    public async Task Another_tenants_plans_are_never_searched_and_other_roles_are_refused()
    {
        var (a, specialistA, networkA) = await app.TenantWithNetworkAsync();
        var (b, _, _) = await app.TenantWithNetworkAsync();
        var programme = await a.Admin.PublishAsync(FinancingScenario.ProgrammeRequest());
        await specialistA.Client.DraftAsync(FinancingScenario.PlanRequest(networkA, programme.Id,
            FinancingScenario.Line(1, 500m, 350m, 100m, 50m) with { Description = "Jornal de Rosa Mamani" }));
        var request = new PlanLinesNamingRequest("Rosa Mamani", [networkA]);

        var part = await (await b.Admin.PostAsJsonAsync($"/api/financing/personal-data/producers/{Guid.NewGuid()}", request)).ReadAsync<FinancingDataPart>();
        Assert.Empty(part.PlanLines);
        await (await specialistA.Client.PostAsJsonAsync($"/api/financing/personal-data/producers/{Guid.NewGuid()}", request)).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await specialistA.Client.GetAsync("/api/financing/personal-data/reads")).ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await a.Admin.PageAsync<PersonalDataReadDto>("/api/financing/personal-data/reads")).Items);
    }
}
