using System.Net;
using System.Net.Http.Json;
using static RedesPlataforma.Financing.FunctionalTests.FinancingScenario;

namespace RedesPlataforma.Financing.FunctionalTests;

[Collection(FinancingHost.Name)]
public sealed class ProgrammeTests(FinancingApp app)
{
    [Fact]
    public async Task The_national_unit_publishes_a_national_programme_with_its_rules()
    {
        var national = await app.NationalClientAsync();
        var request = ProgrammeRequest(total: 3_200_000m, maxPerPlan: 150_000m, minShare: 0.30m, chains: ["cuy", "leche"], regions: ["PE-CUS", "PE-PUN"], minPhase: 3,
            name: "Aliados II " + Guid.NewGuid().ToString("N")[..6]);
        var programme = await national.PublishAsync(request, national: true);
        Assert.True(programme.IsNational);
        Assert.Equal((3_200_000m, 150_000m, 0.30m, 3, 0m, 3_200_000m),
            (programme.TotalBudgetPen, programme.MaxProgrammeFundsPerPlanPen, programme.MinNetworkContributionShare, programme.MinPhase,
             programme.CommittedPen, programme.RemainingPen));
        Assert.Equal(["cuy", "leche"], programme.EligibleValueChains);
        Assert.Equal(["PE-CUS", "PE-PUN"], programme.EligibleRegions);
    }

    [Fact]
    public async Task Bad_programme_figures_are_refused_naming_the_field()
    {
        var tenant = await app.OnboardAsync();
        var cases = new (object Request, string Field)[]
        {
            (ProgrammeRequest(total: -1m), "totalBudgetPen"),
            (ProgrammeRequest(total: 1_000.001m), "totalBudgetPen"),
            (ProgrammeRequest(total: 10_000_000_000_000m), "totalBudgetPen"),
            (ProgrammeRequest(maxPerPlan: 0m), "maxProgrammeFundsPerPlanPen"),
            (ProgrammeRequest(total: 100m, maxPerPlan: 200m), "maxProgrammeFundsPerPlanPen"),
            (ProgrammeRequest(minShare: 1.2m), "minNetworkContributionShare"),
            (ProgrammeRequest(minShare: 0.12345m), "minNetworkContributionShare"),
            (ProgrammeRequest(regions: ["PE-XXX"]), "eligibleRegions"),
            (ProgrammeRequest() with { EndsOn = Start.AddDays(-1) }, "endsOn"),
        };
        foreach (var (request, field) in cases)
            await (await tenant.Admin.PostAsJsonAsync("/api/programmes", request)).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, field);
        Assert.Equal(0, (await tenant.Admin.GetFromJsonAsync<BuildingBlocks.Persistence.Page<Programmes.ProgrammeDto>>("/api/programmes"))!.Items.Count(p => !p.IsNational));
    }
}
