using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Testing;
using static RedesPlataforma.Financing.FunctionalTests.FinancingScenario;

namespace RedesPlataforma.Financing.FunctionalTests;

[Collection(FinancingHost.Name)]
public sealed class PlanWorkflowTests(FinancingApp app)
{
    [Fact]
    public async Task A_plan_goes_from_draft_to_closed_with_every_step_in_its_history_and_totals_computed()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var supervisor = await app.StaffAsync(tenant, "Supervisor");
        var network = await app.SeedNetworkAsync(tenant.Id, specialist.Id);
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest());

        // 2.5 × 400.09 = 1000.225: half away from zero gives 1000.23 (banker's rounding would give 1000.22).
        var plan = await specialist.Client.DraftAsync(PlanRequest(network, programme.Id,
            Line(10, 1_000m, 7_000m, 2_000m, 1_000m),
            Line(2.5m, 400.09m, 700.23m, 0m, 300.00m, BudgetCategory.Training)));
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(1_000.23m, plan.Lines[1].AmountPen);
        Assert.Equal(11_000.23m, plan.TotalPen);
        Assert.Equal(7_700.23m, plan.ProgrammeFundsPen);
        Assert.Equal(2_000m, plan.NetworkCashPen);
        Assert.Equal(1_300m, plan.NetworkInKindPen);
        Assert.Equal(3_300m, plan.NetworkContributionPen);
        Assert.Equal(0.3000m, plan.NetworkContributionShare);

        await (await specialist.Client.ActAsync(plan.Id, "submit", new TransitionRequest("Listo para revisión"))).ShouldBeAsync(HttpStatusCode.OK);
        await (await supervisor.Client.ActAsync(plan.Id, "return", new TransitionRequest("Detallar las jaulas"))).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.PutAsJsonAsync($"/api/business-plans/{plan.Id}",
            new EditPlanRequest("Plan de cuyes revisado", "Mejorar la producción", [Line(10, 1_000m, 7_000m, 2_000m, 1_000m)]))).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.ActAsync(plan.Id, "submit")).ShouldBeAsync(HttpStatusCode.OK);
        await (await supervisor.Client.ActAsync(plan.Id, "approve", new TransitionRequest("Cumple"))).ShouldBeAsync(HttpStatusCode.OK);
        await (await supervisor.Client.ActAsync(plan.Id, "start-execution")).ShouldBeAsync(HttpStatusCode.OK);
        await (await supervisor.Client.ActAsync(plan.Id, "close")).ShouldBeAsync(HttpStatusCode.OK);

        var closed = await tenant.Admin.PlanAsync(plan.Id);
        Assert.Equal(PlanStatus.Closed, closed.Status);
        Assert.Equal("Plan de cuyes revisado", closed.Title);
        Assert.Equal(10_000m, closed.TotalPen);
        Assert.Equal(
            [(null, PlanStatus.Draft), (PlanStatus.Draft, PlanStatus.Submitted), (PlanStatus.Submitted, PlanStatus.Returned),
             (PlanStatus.Returned, PlanStatus.Submitted), (PlanStatus.Submitted, PlanStatus.Approved),
             (PlanStatus.Approved, PlanStatus.InExecution), (PlanStatus.InExecution, PlanStatus.Closed)],
            closed.History.Select(h => ((PlanStatus?)h.FromStatus, h.ToStatus)).ToList());
        Assert.Equal([specialist.Id, specialist.Id, supervisor.Id, specialist.Id, supervisor.Id, supervisor.Id, supervisor.Id],
            closed.History.Select(h => h.ActorId!.Value).ToList());
        Assert.Equal("Detallar las jaulas", closed.History[2].Comment);
        Assert.Equal("Cumple", closed.History[4].Comment);

        var committed = await tenant.Admin.GetFromJsonAsync<Programmes.ProgrammeDto>($"/api/programmes/{programme.Id}");
        Assert.Equal(7_000m, committed!.CommittedPen);
        Assert.Equal(993_000m, committed.RemainingPen);
    }

    [Fact]
    public async Task Illegal_transitions_are_refused_with_409_and_leave_the_history_untouched()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var network = await app.SeedNetworkAsync(tenant.Id, specialist.Id);
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest());
        var plan = await specialist.Client.DraftAsync(PlanRequest(network, programme.Id));

        foreach (var action in new[] { "approve", "return", "start-execution", "close" })
            await (await tenant.Admin.ActAsync(plan.Id, action)).ShouldBeAsync(HttpStatusCode.Conflict, "status");
        await (await tenant.Admin.ActAsync(plan.Id, "reject", new RejectRequest("No corresponde"))).ShouldBeAsync(HttpStatusCode.Conflict, "status");

        await (await specialist.Client.ActAsync(plan.Id, "submit")).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.ActAsync(plan.Id, "submit")).ShouldBeAsync(HttpStatusCode.Conflict, "status");
        await (await specialist.Client.PutAsJsonAsync($"/api/business-plans/{plan.Id}",
            new EditPlanRequest("Cambio tardío", "Objetivos", [Line(1, 10m, 7m, 3m, 0m)]))).ShouldBeAsync(HttpStatusCode.Conflict, "status");
        await (await tenant.Admin.ActAsync(plan.Id, "reject", new RejectRequest("Mercado no validado"))).ShouldBeAsync(HttpStatusCode.OK);
        foreach (var action in new[] { "submit", "approve", "return", "start-execution", "close" })
            await (await tenant.Admin.ActAsync(plan.Id, action)).ShouldBeAsync(HttpStatusCode.Conflict, "status");

        var rejected = await tenant.Admin.PlanAsync(plan.Id);
        Assert.Equal(PlanStatus.Rejected, rejected.Status);
        Assert.Equal([PlanStatus.Draft, PlanStatus.Submitted, PlanStatus.Rejected], rejected.History.Select(h => h.ToStatus).ToList());
        Assert.Equal("Mercado no validado", rejected.History[^1].Comment);
        Assert.Equal(tenant.Tenant.AdminId, rejected.History[^1].ActorId);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var network = await app.SeedNetworkAsync(tenant.Id, specialist.Id);
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest());
        var plan = await specialist.Client.DraftAsync(PlanRequest(network, programme.Id));
        await (await specialist.Client.ActAsync(plan.Id, "submit")).ShouldBeAsync(HttpStatusCode.OK);

        await (await tenant.Admin.ActAsync(plan.Id, "reject", new { reason = "" })).ShouldBeAsync(HttpStatusCode.BadRequest, "reason");
        Assert.Equal(PlanStatus.Submitted, (await tenant.Admin.PlanAsync(plan.Id)).Status);
    }

    [Theory]
    [InlineData(-1, 100, 0, 0, 0, "lines[0].quantity")]
    [InlineData(1, -100, 0, 0, 0, "lines[0].unitCostPen")]
    [InlineData(1, 100.005, 100.005, 0, 0, "lines[0].unitCostPen")]
    [InlineData(1, 100, 70, 30.001, 0, "lines[0].networkCashPen")]
    [InlineData(1, 100, 80, -10, 30, "lines[0].networkCashPen")]
    [InlineData(1, 100, 60, 30, 0, "lines[0].programmeFundsPen")]
    [InlineData(1000000, 9999999999, 0, 0, 0, "lines[0].amountPen")]
    [InlineData(1, 1000000000000, 1000000000000, 0, 0, "lines[0].unitCostPen")]
    public async Task Negative_three_decimal_unbalanced_or_absurd_amounts_are_refused_naming_the_field(
        double quantity, double unitCost, double funds, double cash, double inKind, string field)
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var network = await app.SeedNetworkAsync(tenant.Id, specialist.Id);
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest());

        // Doubles only carry the test data; the request sends exact decimals.
        var line = Line((decimal)quantity, (decimal)unitCost, (decimal)funds, (decimal)cash, (decimal)inKind);
        await (await specialist.Client.PostAsJsonAsync("/api/business-plans", PlanRequest(network, programme.Id, line)))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, field);
        var plans = await tenant.Admin.PlansAsync("/api/business-plans");
        Assert.Equal(0, plans!.TotalCount);
    }

    [Fact]
    public async Task A_specialist_drafts_only_for_their_own_networks_and_cannot_approve()
    {
        var tenant = await app.OnboardAsync();
        var owner = await app.StaffAsync(tenant);
        var other = await app.StaffAsync(tenant);
        var network = await app.SeedNetworkAsync(tenant.Id, owner.Id);
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest());

        await (await other.Client.PostAsJsonAsync("/api/business-plans", PlanRequest(network, programme.Id))).ShouldBeAsync(HttpStatusCode.Forbidden);
        var plan = await owner.Client.DraftAsync(PlanRequest(network, programme.Id));
        await (await other.Client.ActAsync(plan.Id, "submit")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await owner.Client.ActAsync(plan.Id, "submit")).ShouldBeAsync(HttpStatusCode.OK);
        await (await owner.Client.ActAsync(plan.Id, "approve")).ShouldBeAsync(HttpStatusCode.Forbidden);
        var viewer = await app.StaffAsync(tenant, "Viewer");
        await (await viewer.Client.GetAsync($"/api/business-plans/{plan.Id}")).ShouldBeAsync(HttpStatusCode.OK);
        await (await viewer.Client.PostAsJsonAsync("/api/business-plans", PlanRequest(network, programme.Id))).ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Mass_assigned_totals_and_status_are_ignored()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var network = await app.SeedNetworkAsync(tenant.Id, specialist.Id);
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest());
        var response = await specialist.Client.PostAsJsonAsync("/api/business-plans", new
        {
            title = "Plan con trampa", networkId = network, programmeId = programme.Id, objectives = "Objetivos",
            status = "Approved", totalPen = 1m, tenantId = Guid.NewGuid(),
            lines = new[] { new { category = "Equipment", description = "Molino", quantity = 1, unitCostPen = 100m, programmeFundsPen = 70m, networkCashPen = 30m, networkInKindPen = 0m, amountPen = 5m } },
        });
        var plan = await response.ReadAsync<PlanDetails>();
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(100m, plan.TotalPen);
        Assert.Equal(100m, plan.Lines[0].AmountPen);
    }
}
