using System.Net;
using System.Net.Http.Json;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Contracts.Financing;
using RedesPlataforma.Financing.NationalReviews;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Financing.Programmes;
using RedesPlataforma.Testing;
using static RedesPlataforma.Financing.FunctionalTests.FinancingScenario;

namespace RedesPlataforma.Financing.FunctionalTests;

[Collection(FinancingHost.Name)]
public sealed class NationalReviewTests(FinancingApp app)
{
    const string Objectives = "Objetivo reservado de la red";
    const string LineDescription = "Galpón y jaulas para cuyes";

    [Fact]
    public async Task The_national_unit_approves_a_plan_on_a_national_programme_which_its_tenant_cannot()
    {
        var national = await app.NationalClientAsync();
        var aliados = await national.PublishAsync(ProgrammeRequest(total: 500_000m), national: true);
        var (tenant, specialist, network) = await app.TenantWithNetworkAsync("quinoa", "PE-PUN");
        var plan = await specialist.SubmittedAsync(network, aliados.Id, Line(10, 1_000m, 6_800m, 2_000m, 1_200m));

        var review = await national.PendingReviewAsync(aliados.Id, plan.Id);
        Assert.Equal((tenant.Id, "quinoa", "PE-PUN", 12), (review.TenantId, review.ValueChainCode, review.RegionCode, review.MemberCount));
        Assert.Equal((6_800m, 2_000m, 1_200m, 10_000m, 0.32m), (review.ProgrammeFundsPen, review.NetworkCashPen, review.NetworkInKindPen, review.TotalPen,
            review.NetworkContributionShare));

        await (await tenant.Admin.ActAsync(plan.Id, "approve")).ShouldBeAsync(HttpStatusCode.Forbidden, "programmeId");
        var supervisor = await app.StaffAsync(tenant, "Supervisor");
        await (await supervisor.Client.ActAsync(plan.Id, "approve")).ShouldBeAsync(HttpStatusCode.Forbidden, "programmeId");

        var decided = await (await national.DecideAsync(review.Id, "approve", new TransitionRequest("Cumple las reglas de Aliados II"))).ReadAsync<NationalReviewDto>();
        Assert.Equal(ReviewStatus.Approved, decided.Status);
        Assert.Equal(SubjectOf(national), decided.DecidedBy);
        Assert.Equal("Cumple las reglas de Aliados II", decided.Comment);

        var approved = await tenant.Admin.PlanAsync(plan.Id);
        Assert.Equal(PlanStatus.Approved, approved.Status);
        var step = approved.History[^1];
        Assert.Equal((PlanStatus.Submitted, PlanStatus.Approved, SubjectOf(national), "Cumple las reglas de Aliados II"),
            (step.FromStatus!.Value, step.ToStatus, step.ActorId!.Value, step.Comment));
        Assert.Equal(6_800m, (await national.ProgrammeAsync(aliados.Id)).CommittedPen);

        // Decided once: the tenant still cannot act on it, and a second decision finds it decided.
        await (await tenant.Admin.ActAsync(plan.Id, "reject", new RejectRequest("Tarde"))).ShouldBeAsync(HttpStatusCode.Forbidden, "programmeId");
        await (await national.DecideAsync(review.Id, "approve")).ShouldBeAsync(HttpStatusCode.Conflict, "status");
        await (await national.DecideAsync(review.Id, "reject", new RejectRequest("Ya no"))).ShouldBeAsync(HttpStatusCode.Conflict, "status");
        Assert.Equal(6_800m, (await national.ProgrammeAsync(aliados.Id)).CommittedPen);
        Assert.Single((await tenant.Admin.PlanAsync(plan.Id)).History, h => h.ToStatus == PlanStatus.Approved);
    }

    [Fact]
    public async Task The_national_unit_applies_the_same_approval_rules_as_a_tenant()
    {
        var national = await app.NationalClientAsync();
        var aliados = await national.PublishAsync(ProgrammeRequest(total: 100_000m, maxPerPlan: 50_000m, minShare: 0.30m), national: true);
        var (_, specialist, network) = await app.TenantWithNetworkAsync();
        var shortShare = await specialist.SubmittedAsync(network, aliados.Id, Line(1, 10_000m, 7_001m, 2_000m, 999m));
        var overMax = await specialist.SubmittedAsync(network, aliados.Id, Line(1, 80_000m, 50_000.01m, 29_999.99m, 0m));

        await (await national.DecideAsync((await national.PendingReviewAsync(aliados.Id, shortShare.Id)).Id, "approve"))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "networkContributionShare");
        await (await national.DecideAsync((await national.PendingReviewAsync(aliados.Id, overMax.Id)).Id, "approve"))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "programmeFundsPen");
        Assert.Equal(0m, (await national.ProgrammeAsync(aliados.Id)).CommittedPen);
        Assert.Equal(2, (await national.ReviewsAsync($"?programme={aliados.Id}&status=Pending")).TotalCount);
        Assert.Equal(PlanStatus.Submitted, (await specialist.Client.PlanAsync(shortShare.Id)).Status);
    }

    [Fact]
    public async Task Racing_national_approvals_for_the_last_of_a_national_budget_across_two_tenants_commit_exactly_one()
    {
        var national = await app.NationalClientAsync();
        var (a, aSpecialist, aNetwork) = await app.TenantWithNetworkAsync();
        var (b, bSpecialist, bNetwork) = await app.TenantWithNetworkAsync();
        for (var round = 0; round < 3; round++)
        {
            var aliados = await national.PublishAsync(ProgrammeRequest(total: 100_000m, maxPerPlan: 60_000m), national: true);
            var plans = new List<(ServiceTenant Tenant, PlanDetails Plan)>();
            for (var i = 0; i < 2; i++)
            {
                plans.Add((a, await aSpecialist.SubmittedAsync(aNetwork, aliados.Id, Line(1, 80_000m, 56_000m, 24_000m, 0m))));
                plans.Add((b, await bSpecialist.SubmittedAsync(bNetwork, aliados.Id, Line(1, 80_000m, 56_000m, 24_000m, 0m))));
            }
            var reviews = await Task.WhenAll(plans.Select(p => national.PendingReviewAsync(aliados.Id, p.Plan.Id)));
            // A second national session, so the four decisions really run on separate connections at once.
            var clients = new[] { national, await app.NationalClientAsync() };

            var responses = await Task.WhenAll(reviews.Select((r, i) => clients[i % 2].DecideAsync(r.Id, "approve")));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            Assert.Equal(56_000m, (await national.ProgrammeAsync(aliados.Id)).CommittedPen);
            var statuses = await Task.WhenAll(plans.Select(p => p.Tenant.Admin.PlanAsync(p.Plan.Id)));
            Assert.Equal(1, statuses.Count(p => p.Status == PlanStatus.Approved));
            var budgets = await national.GetFromJsonAsync<Page<TenantBudgetDto>>($"/api/programmes/{aliados.Id}/budgets", Json.Options);
            var winner = Assert.Single(budgets!.Items);
            Assert.Equal(56_000m, winner.CommittedPen);
            Assert.Equal(plans[Array.FindIndex(statuses, p => p.Status == PlanStatus.Approved)].Tenant.Id, winner.TenantId);
        }
    }

    [Fact]
    public async Task Per_tenant_budgets_of_a_national_programme_follow_approvals_and_national_disbursements()
    {
        var national = await app.NationalClientAsync();
        var aliados = await national.PublishAsync(ProgrammeRequest(total: 300_000m, maxPerPlan: 100_000m), national: true);
        var (a, aSpecialist, aNetwork) = await app.TenantWithNetworkAsync();
        var (b, bSpecialist, bNetwork) = await app.TenantWithNetworkAsync();
        var a1 = await aSpecialist.SubmittedAsync(aNetwork, aliados.Id, Line(1, 50_000m, 35_000m, 10_000m, 5_000m));
        var a2 = await aSpecialist.SubmittedAsync(aNetwork, aliados.Id, Line(1, 20_000.50m, 14_000.35m, 6_000.15m, 0m));
        var b1 = await bSpecialist.SubmittedAsync(bNetwork, aliados.Id, Line(1, 90_000m, 63_000m, 0m, 27_000m));
        var reviews = new Dictionary<Guid, NationalReviewDto>();
        foreach (var plan in new[] { a1, a2, b1 })
        {
            reviews[plan.Id] = await national.PendingReviewAsync(aliados.Id, plan.Id);
            await (await national.DecideAsync(reviews[plan.Id].Id, "approve")).ShouldBeAsync(HttpStatusCode.OK);
        }

        Task<HttpResponseMessage> DisburseAsync(Guid planId, decimal amount, string reference) =>
            national.PostAsJsonAsync($"/api/national/reviews/{reviews[planId].Id}/disbursements", new DisbursementRequest(new DateOnly(2025, 5, 2), amount, reference));
        await (await DisburseAsync(a1.Id, 20_000m, "AL2-001")).ShouldBeAsync(HttpStatusCode.Created);
        await (await DisburseAsync(a1.Id, 15_000m, "AL2-002")).ShouldBeAsync(HttpStatusCode.Created);
        await (await DisburseAsync(a2.Id, 0.35m, "AL2-003")).ShouldBeAsync(HttpStatusCode.Created);
        await (await DisburseAsync(b1.Id, 30_000m, "AL2-004")).ShouldBeAsync(HttpStatusCode.Created);
        // Beyond the plan's approved funds, a bad amount, or the tenant paying national funds itself: refused, nothing moves.
        await (await DisburseAsync(a1.Id, 0.01m, "AL2-005")).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "amountPen");
        await (await DisburseAsync(b1.Id, 10.001m, "AL2-006")).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "amountPen");
        await (await a.Admin.PostAsJsonAsync($"/api/business-plans/{a2.Id}/disbursements", new DisbursementRequest(new DateOnly(2025, 5, 2), 1m, "X")))
            .ShouldBeAsync(HttpStatusCode.Forbidden, "programmeId");

        var programme = await national.ProgrammeAsync(aliados.Id);
        Assert.Equal((112_000.35m, 65_000.35m, 187_999.65m), (programme.CommittedPen, programme.DisbursedPen, programme.RemainingPen));
        Assert.Equal((null, null), (programme.TenantCommittedPen, programme.TenantDisbursedPen));
        var budgets = (await national.GetFromJsonAsync<Page<TenantBudgetDto>>($"/api/programmes/{aliados.Id}/budgets", Json.Options))!.Items;
        Assert.Equal([new TenantBudgetDto(b.Id, 63_000m, 30_000m), new TenantBudgetDto(a.Id, 49_000.35m, 35_000.35m)], budgets);

        // Each tenant sees its own part in the programme, and the national money on its plan.
        var seenByA = await a.Admin.ProgrammeAsync(aliados.Id);
        Assert.Equal((49_000.35m, 35_000.35m, null), (seenByA.TenantCommittedPen!.Value, seenByA.TenantDisbursedPen!.Value, seenByA.CommittedPen));
        var seenByB = await b.Admin.ProgrammeAsync(aliados.Id);
        Assert.Equal((63_000m, 30_000m), (seenByB.TenantCommittedPen!.Value, seenByB.TenantDisbursedPen!.Value));
        var paid = await a.Admin.PlanAsync(a1.Id);
        Assert.Equal(35_000m, paid.DisbursedPen);
        Assert.Equal(["AL2-001", "AL2-002"], paid.Disbursements.Select(d => d.Reference).ToList());
        Assert.Equal(35_000m, (await national.GetFromJsonAsync<NationalReviewDto>($"/api/national/reviews/{reviews[a1.Id].Id}", Json.Options))!.DisbursedPen);

        // The tenant runs and closes its plan; the closed plan takes no more national money.
        await (await a.Admin.ActAsync(a2.Id, "start-execution")).ShouldBeAsync(HttpStatusCode.OK);
        await (await aSpecialist.Client.PostAsJsonAsync($"/api/business-plans/{a2.Id}/contributions",
            new ContributionRequest(new DateOnly(2025, 6, 1), 6_000.15m, 0m, "Aporte en efectivo de los socios"))).ShouldBeAsync(HttpStatusCode.Created);
        await (await a.Admin.ActAsync(a2.Id, "close")).ShouldBeAsync(HttpStatusCode.OK);
        await (await DisburseAsync(a2.Id, 1m, "AL2-007")).ShouldBeAsync(HttpStatusCode.Conflict, "status");
        Assert.Equal(65_000.35m, (await national.ProgrammeAsync(aliados.Id)).DisbursedPen);
    }

    [Fact]
    public async Task Rejecting_or_returning_by_the_national_unit_needs_a_reason_and_records_it_in_the_plans_history()
    {
        var national = await app.NationalClientAsync();
        var aliados = await national.PublishAsync(ProgrammeRequest(), national: true);
        var (tenant, specialist, network) = await app.TenantWithNetworkAsync();
        var rejected = await specialist.SubmittedAsync(network, aliados.Id);
        var returned = await specialist.SubmittedAsync(network, aliados.Id);
        var toReject = await national.PendingReviewAsync(aliados.Id, rejected.Id);
        var toReturn = await national.PendingReviewAsync(aliados.Id, returned.Id);

        await (await national.DecideAsync(toReject.Id, "reject", new { reason = "" })).ShouldBeAsync(HttpStatusCode.BadRequest, "reason");
        await (await national.DecideAsync(toReturn.Id, "return", new { })).ShouldBeAsync(HttpStatusCode.BadRequest, "reason");
        await (await national.DecideAsync(toReject.Id, "reject", new RejectRequest("Sin carta de intención de compra"))).ShouldBeAsync(HttpStatusCode.OK);
        await (await national.DecideAsync(toReturn.Id, "return", new ReturnRequest("Detallar el costo de las jaulas"))).ShouldBeAsync(HttpStatusCode.OK);

        var nationalUser = SubjectOf(national);
        var afterReject = await tenant.Admin.PlanAsync(rejected.Id);
        Assert.Equal((PlanStatus.Rejected, "Sin carta de intención de compra", nationalUser),
            (afterReject.Status, afterReject.History[^1].Comment, afterReject.History[^1].ActorId!.Value));
        var afterReturn = await tenant.Admin.PlanAsync(returned.Id);
        Assert.Equal((PlanStatus.Returned, "Detallar el costo de las jaulas", nationalUser),
            (afterReturn.Status, afterReturn.History[^1].Comment, afterReturn.History[^1].ActorId!.Value));
        Assert.Equal(0m, (await national.ProgrammeAsync(aliados.Id)).CommittedPen);

        // The returned plan is corrected and submitted again: a new review, the old one stays as the record of the return.
        await (await specialist.Client.PutAsJsonAsync($"/api/business-plans/{returned.Id}",
            new EditPlanRequest("Plan corregido", "Mejorar la producción", [Line(10, 1_100m, 7_700m, 2_200m, 1_100m)]))).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.ActAsync(returned.Id, "submit")).ShouldBeAsync(HttpStatusCode.OK);
        var resubmitted = await national.PendingReviewAsync(aliados.Id, returned.Id);
        Assert.NotEqual(toReturn.Id, resubmitted.Id);
        Assert.Equal(11_000m, resubmitted.TotalPen);
        var all = (await national.ReviewsAsync($"?programme={aliados.Id}")).Items;
        Assert.Equal([ReviewStatus.Rejected, ReviewStatus.Returned, ReviewStatus.Pending], all.Select(r => r.Status).ToList());
        await (await national.DecideAsync(toReturn.Id, "approve")).ShouldBeAsync(HttpStatusCode.Conflict, "status");
        await (await national.DecideAsync(resubmitted.Id, "approve")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(7_700m, (await national.ProgrammeAsync(aliados.Id)).CommittedPen);
    }

    [Fact]
    public async Task What_the_national_unit_reads_of_a_plan_is_only_what_the_decision_needs()
    {
        var national = await app.NationalClientAsync();
        var aliados = await national.PublishAsync(ProgrammeRequest(), national: true);
        var (tenant, specialist, network) = await app.TenantWithNetworkAsync();
        var title = Scenario.Unique("Título reservado");
        var plan = await specialist.Client.DraftAsync(new DraftPlanRequest(title, network, aliados.Id, Objectives, [Line(10, 1_000m, 7_000m, 2_000m, 1_000m)]));
        await (await specialist.Client.ActAsync(plan.Id, "submit")).ShouldBeAsync(HttpStatusCode.OK);
        var review = await national.PendingReviewAsync(aliados.Id, plan.Id);

        var bodies = new List<string>
        {
            await national.GetStringAsync($"/api/national/reviews?programme={aliados.Id}"),
            await national.GetStringAsync($"/api/national/reviews/{review.Id}"),
            await (await national.DecideAsync(review.Id, "approve")).Content.ReadAsStringAsync(),
            await national.GetStringAsync($"/api/programmes/{aliados.Id}/budgets"),
        };
        foreach (var body in bodies)
            foreach (var secret in new[] { title, Objectives, LineDescription, network.ToString(), "\"title\"", "\"objectives\"", "\"lines\"", "\"history\"" })
                Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);

        // The plan itself stays out of reach, through the API and as the service's role with no tenant set.
        await (await national.GetAsync($"/api/business-plans/{plan.Id}")).ShouldBeAsync(HttpStatusCode.Forbidden);
        foreach (var table in new[] { "business_plans", "budget_lines", "plan_transitions", "networks", "disbursements", "contributions" })
            Assert.Equal(0L, await app.ScalarAsync(null, $"SELECT count(*) FROM {table}"));
        Assert.True(await app.ScalarAsync(tenant.Id, "SELECT count(*) FROM business_plans") > 0);
    }

    [Fact]
    public async Task Tenants_cannot_read_change_or_plant_national_reviews_or_budgets_even_as_the_service_role()
    {
        var national = await app.NationalClientAsync();
        var aliados = await national.PublishAsync(ProgrammeRequest(), national: true);
        var (a, aSpecialist, aNetwork) = await app.TenantWithNetworkAsync();
        var b = await app.OnboardAsync();
        var plan = await aSpecialist.SubmittedAsync(aNetwork, aliados.Id);
        var review = await national.PendingReviewAsync(aliados.Id, plan.Id);
        await (await national.DecideAsync(review.Id, "approve")).ShouldBeAsync(HttpStatusCode.OK);
        var mine = $"WHERE programme_id = '{aliados.Id}'";

        // A wrote the review but, like B, can never read, change or lock it; only the national unit (no tenant) sees it.
        Assert.Equal(1L, await app.ScalarAsync(null, $"SELECT count(*) FROM national_reviews {mine}"));
        foreach (var tenant in new[] { a.Id, b.Id })
        {
            Assert.Equal(0L, await app.ScalarAsync(tenant, $"SELECT count(*) FROM national_reviews {mine}"));
            Assert.Equal(0L, await app.ScalarAsync(tenant, $"WITH u AS (UPDATE national_reviews SET status = 'Pending' {mine} RETURNING 1) SELECT count(*) FROM u"));
            Assert.Equal(0L, await app.ScalarAsync(tenant, $"WITH l AS (SELECT 1 FROM national_reviews {mine} FOR UPDATE) SELECT count(*) FROM l"));
            Assert.Equal(0L, await app.ScalarAsync(tenant, $"WITH u AS (UPDATE programme_tenant_budgets SET committed_pen = 0 {mine} RETURNING 1) SELECT count(*) FROM u"));
        }
        // Budgets: A reads its own row, B none; a tenant cannot plant one (no RETURNING: the INSERT policy alone refuses).
        Assert.Equal(1L, await app.ScalarAsync(a.Id, $"SELECT count(*) FROM programme_tenant_budgets {mine}"));
        Assert.Equal(0L, await app.ScalarAsync(b.Id, $"SELECT count(*) FROM programme_tenant_budgets {mine}"));
        await Assert.ThrowsAsync<PostgresException>(() => app.ScalarAsync(b.Id,
            $"WITH i AS (INSERT INTO programme_tenant_budgets VALUES ('{aliados.Id}', '{b.Id}', 1, 0)) SELECT 1::bigint"));
        // A review can only be written for the connection's own tenant: B cannot plant one in A's name, nor the national unit at all.
        var forged = $"""
            WITH i AS (INSERT INTO national_reviews (id, tenant_id, plan_id, programme_id, value_chain_code, region_code, member_count,
                programme_funds_pen, network_cash_pen, network_in_kind_pen, total_pen, disbursed_pen, status, submitted_at)
            VALUES ('{Guid.NewGuid()}', '{a.Id}', '{plan.Id}', '{aliados.Id}', 'cuy', 'PE-CUS', 1, 1, 0, 0, 1, 0, 'Pending', now()))
            SELECT 1::bigint
            """;
        await Assert.ThrowsAsync<PostgresException>(() => app.ScalarAsync(b.Id, forged));
        await Assert.ThrowsAsync<PostgresException>(() => app.ScalarAsync(null, forged));
        Assert.Equal(ReviewStatus.Approved, (await national.GetFromJsonAsync<NationalReviewDto>($"/api/national/reviews/{review.Id}", Json.Options))!.Status);
    }

    [Fact]
    public async Task Only_the_national_unit_reaches_the_national_desk()
    {
        var national = await app.NationalClientAsync();
        var aliados = await national.PublishAsync(ProgrammeRequest(), national: true);
        var (tenant, specialist, network) = await app.TenantWithNetworkAsync();
        var plan = await specialist.SubmittedAsync(network, aliados.Id);
        var review = await national.PendingReviewAsync(aliados.Id, plan.Id);

        var tenantClients = new List<HttpClient> { tenant.Admin, specialist.Client };
        foreach (var role in new[] { "Supervisor", "Viewer" }) tenantClients.Add((await app.StaffAsync(tenant, role)).Client);
        foreach (var client in tenantClients)
        {
            await (await client.GetAsync("/api/national/reviews")).ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/national/reviews/{review.Id}")).ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.DecideAsync(review.Id, "approve")).ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.DecideAsync(review.Id, "reject", new RejectRequest("No"))).ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.DecideAsync(review.Id, "return", new ReturnRequest("No"))).ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync($"/api/national/reviews/{review.Id}/disbursements", new DisbursementRequest(Start, 1m, "X")))
                .ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/programmes/{aliados.Id}/budgets")).ShouldBeAsync(HttpStatusCode.Forbidden);
        }
        await (await app.CreateClient().GetAsync("/api/national/reviews")).ShouldBeAsync(HttpStatusCode.Unauthorized);
        await (await national.GetAsync($"/api/national/reviews/{Guid.NewGuid()}")).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await national.DecideAsync(Guid.NewGuid(), "approve")).ShouldBeAsync(HttpStatusCode.NotFound);
        Assert.Equal(ReviewStatus.Pending, (await national.GetFromJsonAsync<NationalReviewDto>($"/api/national/reviews/{review.Id}", Json.Options))!.Status);
    }

    [Fact]
    public async Task National_decisions_publish_the_plans_events_through_the_outbox_with_the_plans_tenant()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker, typeof(BusinessPlanApproved), typeof(BusinessPlanRejected), typeof(DisbursementMade));
        var national = await app.NationalClientAsync();
        var aliados = await national.PublishAsync(ProgrammeRequest(), national: true);
        var (tenant, specialist, network) = await app.TenantWithNetworkAsync("dairy", "PE-CAJ");
        var approved = await specialist.SubmittedAsync(network, aliados.Id);
        var rejected = await specialist.SubmittedAsync(network, aliados.Id);
        var review = await national.PendingReviewAsync(aliados.Id, approved.Id);
        await (await national.DecideAsync(review.Id, "approve")).ShouldBeAsync(HttpStatusCode.OK);
        await (await national.DecideAsync((await national.PendingReviewAsync(aliados.Id, rejected.Id)).Id, "reject", new RejectRequest("Fuera de plazo")))
            .ShouldBeAsync(HttpStatusCode.OK);
        await (await national.PostAsJsonAsync($"/api/national/reviews/{review.Id}/disbursements", new DisbursementRequest(Start, 3_500m, "AL2-100")))
            .ShouldBeAsync(HttpStatusCode.Created);

        bool Mine(object message) => message switch
        {
            BusinessPlanApproved m => m.ProgrammeId == aliados.Id,
            BusinessPlanRejected m => m.ProgrammeId == aliados.Id,
            DisbursementMade m => m.ProgrammeId == aliados.Id,
            _ => false,
        };
        await probe.WaitUntilAsync(p => p.Received.Count(r => Mine(r.Message)) >= 3, TimeSpan.FromSeconds(30), "the three national decisions' events");
        var received = probe.Received.Where(r => Mine(r.Message)).ToList();
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.Equal(tenant.Id.ToString(), r.TenantHeader));
        var approval = Assert.Single(probe.Of<BusinessPlanApproved>(), m => m.Message.ProgrammeId == aliados.Id).Message;
        Assert.Equal((tenant.Id, approved.Id, "dairy", "PE-CAJ", 7_000m), (approval.TenantId, approval.PlanId, approval.ValueChain, approval.RegionCode, approval.ProgrammeFundsPen));
        var rejection = Assert.Single(probe.Of<BusinessPlanRejected>(), m => m.Message.ProgrammeId == aliados.Id).Message;
        Assert.Equal((tenant.Id, rejected.Id, "Fuera de plazo"), (rejection.TenantId, rejection.PlanId, rejection.Reason));
        var disbursement = Assert.Single(probe.Of<DisbursementMade>(), m => m.Message.ProgrammeId == aliados.Id).Message;
        Assert.Equal((tenant.Id, approved.Id, 3_500m), (disbursement.TenantId, disbursement.PlanId, disbursement.AmountPen));
    }
}
