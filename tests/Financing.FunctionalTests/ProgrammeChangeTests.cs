using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Contracts.Financing;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Financing.Programmes;
using RedesPlataforma.Testing;
using static RedesPlataforma.Financing.FunctionalTests.FinancingScenario;

namespace RedesPlataforma.Financing.FunctionalTests;

[Collection(FinancingHost.Name)]
public sealed class ProgrammeChangeTests(FinancingApp app)
{
    [Fact]
    public async Task The_owner_edits_a_programmes_terms_and_ProgrammeChanged_carries_them()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker, typeof(ProgrammeChanged));
        var tenant = await app.OnboardAsync();
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest(total: 500_000m));

        var edited = await (await tenant.Admin.PutAsJsonAsync($"/api/programmes/{programme.Id}",
            ProgrammeRequest(total: 750_000m, maxPerPlan: 90_000m, minShare: 0.25m, regions: ["PE-CUS"], name: "Procompite Cusco"))).ReadAsync<ProgrammeDto>();

        Assert.Equal(("Procompite Cusco", 750_000m, 90_000m, 0.25m, 750_000m), (edited.Name, edited.TotalBudgetPen, edited.MaxProgrammeFundsPerPlanPen, edited.MinNetworkContributionShare, edited.RemainingPen));
        Assert.Equal(["PE-CUS"], edited.EligibleRegions);
        Assert.Null(edited.ClosedAt);
        await probe.WaitUntilAsync(p => p.Of<ProgrammeChanged>().Any(m => m.Message.ProgrammeId == programme.Id), TimeSpan.FromSeconds(30), "ProgrammeChanged");
        var changed = Assert.Single(probe.Of<ProgrammeChanged>(), m => m.Message.ProgrammeId == programme.Id);
        Assert.Equal(("Procompite Cusco", 750_000m, (Guid?)tenant.Id), (changed.Message.Name, changed.Message.TotalBudgetPen, changed.Message.OwnerTenantId));
        Assert.Equal(tenant.Id.ToString(), changed.Envelope.TenantHeader);
    }

    [Fact]
    public async Task The_budget_cannot_be_edited_below_what_approved_plans_commit()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var network = await app.SeedNetworkAsync(tenant.Id, specialist.Id);
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest(total: 100_000m, maxPerPlan: 70_000m));
        var plan = await specialist.SubmittedAsync(network, programme.Id, Line(1, 100_000m, 70_000m, 30_000m, 0m));
        await (await tenant.Admin.ActAsync(plan.Id, "approve")).ShouldBeAsync(HttpStatusCode.OK);

        await (await tenant.Admin.PutAsJsonAsync($"/api/programmes/{programme.Id}", ProgrammeRequest(total: 69_999.99m, maxPerPlan: 60_000m)))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "totalBudgetPen");
        await (await tenant.Admin.PutAsJsonAsync($"/api/programmes/{programme.Id}", ProgrammeRequest(total: 70_000m, maxPerPlan: 70_000m)))
            .ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(0m, (await tenant.Admin.ProgrammeAsync(programme.Id)).RemainingPen);
    }

    [Fact]
    public async Task A_closed_programme_takes_no_new_plans_nor_approvals_and_closes_once()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var network = await app.SeedNetworkAsync(tenant.Id, specialist.Id);
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest());
        var submitted = await specialist.SubmittedAsync(network, programme.Id, Line(1, 10_000m, 7_000m, 3_000m, 0m));

        var closed = await (await tenant.Admin.PostAsync($"/api/programmes/{programme.Id}/close", null)).ReadAsync<ProgrammeDto>();
        Assert.NotNull(closed.ClosedAt);

        await (await specialist.Client.PostAsJsonAsync("/api/business-plans", PlanRequest(network, programme.Id, Line(1, 10_000m, 7_000m, 3_000m, 0m))))
            .ShouldBeAsync(HttpStatusCode.Conflict, "programmeId");
        await (await tenant.Admin.ActAsync(submitted.Id, "approve")).ShouldBeAsync(HttpStatusCode.Conflict, "programmeId");
        Assert.Equal(PlanStatus.Submitted, (await tenant.Admin.PlanAsync(submitted.Id)).Status);
        await (await tenant.Admin.PostAsync($"/api/programmes/{programme.Id}/close", null)).ShouldBeAsync(HttpStatusCode.Conflict, "id");
        await (await tenant.Admin.PutAsJsonAsync($"/api/programmes/{programme.Id}", ProgrammeRequest())).ShouldBeAsync(HttpStatusCode.Conflict, "id");
    }

    [Fact]
    public async Task Only_the_owner_edits_or_closes_a_programme()
    {
        var national = await app.NationalClientAsync();
        var nationalProgramme = await national.PublishAsync(ProgrammeRequest(), national: true);
        var tenant = await app.OnboardAsync();
        var other = await app.OnboardAsync();
        var supervisor = await app.StaffAsync(tenant, "Supervisor");
        var own = await tenant.Admin.PublishAsync(ProgrammeRequest());

        await (await tenant.Admin.PutAsJsonAsync($"/api/programmes/{nationalProgramme.Id}", ProgrammeRequest())).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await tenant.Admin.PostAsync($"/api/programmes/{nationalProgramme.Id}/close", null)).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await supervisor.Client.PutAsJsonAsync($"/api/programmes/{own.Id}", ProgrammeRequest())).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await other.Admin.PutAsJsonAsync($"/api/programmes/{own.Id}", ProgrammeRequest())).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await national.PostAsync($"/api/programmes/{own.Id}/close", null)).ShouldBeAsync(HttpStatusCode.NotFound);
        Assert.Null((await tenant.Admin.ProgrammeAsync(own.Id)).ClosedAt);

        var renamed = await (await national.PutAsJsonAsync($"/api/programmes/{nationalProgramme.Id}", ProgrammeRequest(name: "Aliados III"))).ReadAsync<ProgrammeDto>();
        Assert.Equal("Aliados III", renamed.Name);
        Assert.NotNull((await (await national.PostAsync($"/api/programmes/{nationalProgramme.Id}/close", null)).ReadAsync<ProgrammeDto>()).ClosedAt);
    }
}
