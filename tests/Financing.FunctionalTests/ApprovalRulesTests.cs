using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Financing.Programmes;
using RedesPlataforma.Testing;
using static RedesPlataforma.Financing.FunctionalTests.FinancingScenario;

namespace RedesPlataforma.Financing.FunctionalTests;

[Collection(FinancingHost.Name)]
public sealed class ApprovalRulesTests(FinancingApp app)
{
    async Task<(ServiceTenant Tenant, SignedInStaff Specialist, Guid Network)> SetUpAsync()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        return (tenant, specialist, await app.SeedNetworkAsync(tenant.Id, specialist.Id));
    }

    [Fact]
    public async Task Approving_a_plan_below_the_minimum_network_contribution_share_is_refused()
    {
        var (tenant, specialist, network) = await SetUpAsync();
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest(minShare: 0.30m));
        // 29.99% contributed: just short.
        var plan = await specialist.SubmittedAsync(network, programme.Id, Line(1, 10_000m, 7_001m, 2_000m, 999m));

        await (await tenant.Admin.ActAsync(plan.Id, "approve")).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "networkContributionShare");
        Assert.Equal(PlanStatus.Submitted, (await tenant.Admin.PlanAsync(plan.Id)).Status);
        Assert.Equal(0m, (await tenant.Admin.ProgrammeAsync(programme.Id)).CommittedPen);
    }

    [Fact]
    public async Task Exactly_the_minimum_share_in_cash_and_kind_together_is_enough()
    {
        var (tenant, specialist, network) = await SetUpAsync();
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest(minShare: 0.30m));
        var plan = await specialist.SubmittedAsync(network, programme.Id, Line(1, 10_000m, 7_000m, 1_000m, 2_000m));
        await (await tenant.Admin.ActAsync(plan.Id, "approve")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Approving_a_plan_beyond_the_per_plan_maximum_is_refused()
    {
        var (tenant, specialist, network) = await SetUpAsync();
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest(maxPerPlan: 50_000m));
        var plan = await specialist.SubmittedAsync(network, programme.Id, Line(1, 80_000m, 50_000.01m, 29_999.99m, 0m));
        await (await tenant.Admin.ActAsync(plan.Id, "approve")).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "programmeFundsPen");
    }

    [Fact]
    public async Task Approving_a_plan_beyond_the_remaining_programme_budget_is_refused()
    {
        var (tenant, specialist, network) = await SetUpAsync();
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest(total: 100_000m, maxPerPlan: 70_000m));
        var first = await specialist.SubmittedAsync(network, programme.Id, Line(1, 100_000m, 70_000m, 30_000m, 0m));
        var second = await specialist.SubmittedAsync(network, programme.Id, Line(1, 50_000m, 30_000.01m, 19_999.99m, 0m));
        await (await tenant.Admin.ActAsync(first.Id, "approve")).ShouldBeAsync(HttpStatusCode.OK);
        await (await tenant.Admin.ActAsync(second.Id, "approve")).ShouldBeAsync(HttpStatusCode.Conflict, "programmeFundsPen");
        Assert.Equal(70_000m, (await tenant.Admin.ProgrammeAsync(programme.Id)).CommittedPen);
    }

    [Fact]
    public async Task Two_approvals_racing_for_the_last_of_the_budget_cannot_both_succeed()
    {
        var (tenant, specialist, network) = await SetUpAsync();
        var supervisor = await app.StaffAsync(tenant, "Supervisor");
        for (var round = 0; round < 5; round++)
        {
            var programme = await tenant.Admin.PublishAsync(ProgrammeRequest(total: 100_000m, maxPerPlan: 60_000m));
            var plans = new List<PlanDetails>();
            for (var i = 0; i < 4; i++) plans.Add(await specialist.SubmittedAsync(network, programme.Id, Line(1, 80_000m, 56_000m, 24_000m, 0m)));

            var clients = new[] { tenant.Admin, supervisor.Client, tenant.Admin, supervisor.Client };
            var responses = await Task.WhenAll(plans.Select((p, i) => clients[i].ActAsync(p.Id, "approve")));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            Assert.Equal(56_000m, (await tenant.Admin.ProgrammeAsync(programme.Id)).CommittedPen);
            var statuses = await Task.WhenAll(plans.Select(p => tenant.Admin.PlanAsync(p.Id)));
            Assert.Equal(1, statuses.Count(p => p.Status == PlanStatus.Approved));
        }
    }

    [Fact]
    public async Task Two_approvals_of_the_same_plan_commit_its_funds_once()
    {
        var (tenant, specialist, network) = await SetUpAsync();
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest());
        var plan = await specialist.SubmittedAsync(network, programme.Id);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => tenant.Admin.ActAsync(plan.Id, "approve")));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(7_000m, (await tenant.Admin.ProgrammeAsync(programme.Id)).CommittedPen);
        Assert.Single((await tenant.Admin.PlanAsync(plan.Id)).History, h => h.ToStatus == PlanStatus.Approved);
    }

    [Fact]
    public async Task A_plan_needs_an_eligible_network_of_the_callers_tenant()
    {
        var (tenant, specialist, _) = await SetUpAsync();
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest(chains: ["cuy"], regions: ["PE-CUS"], minPhase: 3));
        var wrongChain = await app.SeedNetworkAsync(tenant.Id, specialist.Id, chain: "quinoa");
        var wrongRegion = await app.SeedNetworkAsync(tenant.Id, specialist.Id, region: "PE-PUN");
        var tooEarly = await app.SeedNetworkAsync(tenant.Id, specialist.Id, phase: 2);
        var eligible = await app.SeedNetworkAsync(tenant.Id, specialist.Id, phase: 3);

        foreach (var network in new[] { wrongChain, wrongRegion, tooEarly, Guid.NewGuid() })
            await (await specialist.Client.PostAsJsonAsync("/api/business-plans", PlanRequest(network, programme.Id)))
                .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "networkId");
        await (await specialist.Client.PostAsJsonAsync("/api/business-plans", PlanRequest(eligible, Guid.NewGuid())))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "programmeId");
        await (await specialist.Client.PostAsJsonAsync("/api/business-plans", PlanRequest(eligible, programme.Id))).ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Disbursements_never_exceed_the_approved_programme_funds()
    {
        var (tenant, specialist, network) = await SetUpAsync();
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest());
        var plan = await specialist.SubmittedAsync(network, programme.Id); // 7,000 of programme funds

        var tranche = new DisbursementRequest(new DateOnly(2025, 3, 1), 4_000m, "CP-001");
        await (await tenant.Admin.PostAsJsonAsync($"/api/business-plans/{plan.Id}/disbursements", tranche)).ShouldBeAsync(HttpStatusCode.Conflict, "status");
        await (await tenant.Admin.ActAsync(plan.Id, "approve")).ShouldBeAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PostAsJsonAsync($"/api/business-plans/{plan.Id}/disbursements", tranche)).ShouldBeAsync(HttpStatusCode.Created);
        await (await tenant.Admin.PostAsJsonAsync($"/api/business-plans/{plan.Id}/disbursements", tranche with { AmountPen = 3_000.01m, Reference = "CP-002" }))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "amountPen");
        foreach (var bad in new[] { 0m, -5m, 10.001m, 10_000_000_000_000m })
            await (await tenant.Admin.PostAsJsonAsync($"/api/business-plans/{plan.Id}/disbursements", tranche with { AmountPen = bad }))
                .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "amountPen");
        await (await specialist.Client.PostAsJsonAsync($"/api/business-plans/{plan.Id}/disbursements", tranche with { AmountPen = 1m }))
            .ShouldBeAsync(HttpStatusCode.Forbidden);

        // Racing tranches for the last 3,000: only one fits.
        var racing = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            tenant.Admin.PostAsJsonAsync($"/api/business-plans/{plan.Id}/disbursements", tranche with { AmountPen = 2_000m, Reference = $"CP-R{i}" })));
        Assert.Equal(1, racing.Count(r => r.StatusCode == HttpStatusCode.Created));

        var disbursed = await tenant.Admin.PlanAsync(plan.Id);
        Assert.Equal(6_000m, disbursed.DisbursedPen);
        Assert.Equal(2, disbursed.Disbursements.Count);
        Assert.Equal(6_000m, (await tenant.Admin.ProgrammeAsync(programme.Id)).DisbursedPen);
    }

    [Fact]
    public async Task The_network_contribution_executed_is_recorded_on_approved_plans()
    {
        var (tenant, specialist, network) = await SetUpAsync();
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest());
        var plan = await specialist.SubmittedAsync(network, programme.Id);
        var contribution = new ContributionRequest(new DateOnly(2025, 4, 1), 1_500m, 250.50m, "Mano de obra y efectivo");
        await (await specialist.Client.PostAsJsonAsync($"/api/business-plans/{plan.Id}/contributions", contribution)).ShouldBeAsync(HttpStatusCode.Conflict, "status");
        await (await tenant.Admin.ActAsync(plan.Id, "approve")).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.PostAsJsonAsync($"/api/business-plans/{plan.Id}/contributions", contribution with { CashPen = -1m })).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "cashPen");
        await (await specialist.Client.PostAsJsonAsync($"/api/business-plans/{plan.Id}/contributions", contribution with { InKindPen = 0.125m })).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "inKindPen");
        await (await specialist.Client.PostAsJsonAsync($"/api/business-plans/{plan.Id}/contributions", contribution)).ShouldBeAsync(HttpStatusCode.Created);

        var recorded = await tenant.Admin.PlanAsync(plan.Id);
        Assert.Equal(1_500m, recorded.ContributedCashPen);
        Assert.Equal(250.50m, recorded.ContributedInKindPen);
    }
}
