using System.Net;
using System.Net.Http.Json;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Financing.Programmes;
using static RedesPlataforma.Financing.FunctionalTests.FinancingScenario;

namespace RedesPlataforma.Financing.FunctionalTests;

[Collection(FinancingHost.Name)]
public sealed class IsolationTests(FinancingApp app)
{
    [Fact]
    public async Task A_tenant_programme_is_invisible_to_other_tenants_and_national_programmes_are_visible_to_all()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var national = await app.NationalClientAsync();
        var aliados = await national.PublishAsync(ProgrammeRequest(total: 3_200_000m, name: "Aliados II " + Guid.NewGuid().ToString("N")[..6]), national: true);
        var own = await a.Admin.PublishAsync(ProgrammeRequest());
        Assert.True(aliados.IsNational);
        Assert.False(own.IsNational);

        var seenByA = await a.Admin.GetFromJsonAsync<Page<ProgrammeDto>>("/api/programmes?pageSize=200");
        var seenByB = await b.Admin.GetFromJsonAsync<Page<ProgrammeDto>>("/api/programmes?pageSize=200");
        var seenByNational = await national.GetFromJsonAsync<Page<ProgrammeDto>>("/api/programmes?pageSize=200");
        Assert.Contains(seenByA!.Items, p => p.Id == own.Id);
        Assert.Contains(seenByA.Items, p => p.Id == aliados.Id);
        Assert.DoesNotContain(seenByB!.Items, p => p.Id == own.Id);
        Assert.Contains(seenByB.Items, p => p.Id == aliados.Id);
        Assert.DoesNotContain(seenByNational!.Items, p => p.Id == own.Id);
        Assert.Contains(seenByNational.Items, p => p.Id == aliados.Id);
        await (await b.Admin.GetAsync($"/api/programmes/{own.Id}")).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await national.GetAsync($"/api/programmes/{own.Id}")).ShouldBeAsync(HttpStatusCode.NotFound);

        // B cannot plan against A's programme: it does not exist for B.
        var bSpecialist = await app.StaffAsync(b);
        var bNetwork = await app.SeedNetworkAsync(b.Id, bSpecialist.Id);
        await (await bSpecialist.Client.PostAsJsonAsync("/api/business-plans", PlanRequest(bNetwork, own.Id))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "programmeId");
        await (await bSpecialist.Client.PostAsJsonAsync("/api/business-plans", PlanRequest(bNetwork, aliados.Id))).ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task What_one_tenant_plans_another_cannot_read_change_move_or_count()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var aSpecialist = await app.StaffAsync(a);
        var aNetwork = await app.SeedNetworkAsync(a.Id, aSpecialist.Id);
        var programme = await a.Admin.PublishAsync(ProgrammeRequest());
        var plan = await aSpecialist.Client.DraftAsync(PlanRequest(aNetwork, programme.Id));
        await (await aSpecialist.Client.ActAsync(plan.Id, "submit")).ShouldBeAsync(HttpStatusCode.OK);

        var url = $"/api/business-plans/{plan.Id}";
        await (await b.Admin.GetAsync(url)).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await b.Admin.PutAsJsonAsync(url, new EditPlanRequest("Robado", "Objetivos", [Line(1, 10m, 7m, 3m, 0m)]))).ShouldBeAsync(HttpStatusCode.NotFound);
        foreach (var action in new[] { "submit", "approve", "return", "start-execution", "close" })
            await (await b.Admin.ActAsync(plan.Id, action)).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await b.Admin.ActAsync(plan.Id, "reject", new RejectRequest("No es mío"))).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await b.Admin.PostAsJsonAsync($"{url}/disbursements", new DisbursementRequest(Start, 1m, "X"))).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await b.Admin.PostAsJsonAsync($"{url}/contributions", new ContributionRequest(Start, 1m, 0m, "Aporte"))).ShouldBeAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await b.Admin.PlansAsync()).TotalCount);
        Assert.Equal(1, (await a.Admin.PlansAsync()).TotalCount);

        // B's specialist cannot plan for A's network either: unknown in B's tenant.
        var bSpecialist = await app.StaffAsync(b);
        await (await bSpecialist.Client.PostAsJsonAsync("/api/business-plans", PlanRequest(aNetwork, programme.Id))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "networkId");

        var unchanged = await a.Admin.PlanAsync(plan.Id);
        Assert.Equal(PlanStatus.Submitted, unchanged.Status);
        Assert.Equal(2, unchanged.History.Count);
    }

    [Fact]
    public async Task The_national_unit_reads_programmes_but_no_tenant_plans_and_cannot_create_tenant_programmes()
    {
        var a = await app.OnboardAsync();
        var national = await app.NationalClientAsync();
        await (await national.GetAsync("/api/business-plans")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await national.PostAsJsonAsync("/api/programmes", ProgrammeRequest())).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await a.Admin.PostAsJsonAsync("/api/programmes/national", ProgrammeRequest())).ShouldBeAsync(HttpStatusCode.Forbidden);
        var specialist = await app.StaffAsync(a);
        await (await specialist.Client.PostAsJsonAsync("/api/programmes", ProgrammeRequest())).ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Tenants_cannot_approve_plans_on_national_programmes()
    {
        var a = await app.OnboardAsync();
        var national = await app.NationalClientAsync();
        var aliados = await national.PublishAsync(ProgrammeRequest(), national: true);
        var specialist = await app.StaffAsync(a);
        var network = await app.SeedNetworkAsync(a.Id, specialist.Id);
        var plan = await specialist.Client.DraftAsync(PlanRequest(network, aliados.Id));
        await (await specialist.Client.ActAsync(plan.Id, "submit")).ShouldBeAsync(HttpStatusCode.OK);
        await (await a.Admin.ActAsync(plan.Id, "approve")).ShouldBeAsync(HttpStatusCode.Forbidden, "programmeId");
        await (await a.Admin.ActAsync(plan.Id, "reject", new RejectRequest("No aplica"))).ShouldBeAsync(HttpStatusCode.Forbidden, "programmeId");
        Assert.Equal(0m, (await national.ProgrammeAsync(aliados.Id)).CommittedPen);
    }

    [Fact]
    public async Task Row_level_security_lets_a_tenant_connection_see_only_its_plans_and_programmes_and_never_write_national_ones()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var national = await app.NationalClientAsync();
        var aliados = await national.PublishAsync(ProgrammeRequest(), national: true);
        var own = await a.Admin.PublishAsync(ProgrammeRequest());
        var specialist = await app.StaffAsync(a);
        var network = await app.SeedNetworkAsync(a.Id, specialist.Id);
        await specialist.Client.DraftAsync(PlanRequest(network, own.Id));

        Assert.Equal(0L, await app.ScalarAsync(b.Id, "SELECT count(*) FROM business_plans"));
        Assert.Equal(0L, await app.ScalarAsync(b.Id, "SELECT count(*) FROM budget_lines"));
        Assert.Equal(0L, await app.ScalarAsync(b.Id, $"SELECT count(*) FROM programmes WHERE id = '{own.Id}'"));
        Assert.Equal(1L, await app.ScalarAsync(b.Id, $"SELECT count(*) FROM programmes WHERE id = '{aliados.Id}'"));
        Assert.Equal(0L, await app.ScalarAsync(null, "SELECT count(*) FROM business_plans"));
        Assert.Equal(0L, await app.ScalarAsync(null, $"SELECT count(*) FROM programmes WHERE id = '{own.Id}'"));
        Assert.Equal(1L, await app.ScalarAsync(a.Id, "SELECT count(*) FROM business_plans"));
        // A tenant's connection can neither change a national programme nor plant one.
        Assert.Equal(0L, await app.ScalarAsync(a.Id, $"WITH u AS (UPDATE programmes SET committed_pen = 1 WHERE id = '{aliados.Id}' RETURNING 1) SELECT count(*) FROM u"));
        await Assert.ThrowsAsync<PostgresException>(() => app.ScalarAsync(a.Id,
            "WITH i AS (INSERT INTO programmes (id, owner_tenant_id, name, funder, total_budget_pen, starts_on, ends_on, max_programme_funds_per_plan_pen, " +
            "min_network_contribution_share, eligible_value_chains, eligible_regions, min_phase, committed_pen, disbursed_pen, created_at, updated_at) " +
            $"VALUES ('{Guid.NewGuid()}', NULL, 'Falso', 'X', 1, '2025-01-01', '2025-12-31', 1, 0, '{{}}', '{{}}', 0, 0, 0, now(), now()) RETURNING 1) SELECT count(*) FROM i"));
    }
}
