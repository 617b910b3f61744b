using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Contracts.Financing;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Contracts.Reporting;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Testing;
using static RedesPlataforma.Financing.FunctionalTests.FinancingScenario;

namespace RedesPlataforma.Financing.FunctionalTests;

[Collection(FinancingHost.Name)]
public sealed class NetworkProjectionAndEventsTests(FinancingApp app)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    static readonly Type[] FinancingEvents =
        [typeof(ProgrammePublished), typeof(BusinessPlanSubmitted), typeof(BusinessPlanApproved), typeof(BusinessPlanRejected),
         typeof(DisbursementMade), typeof(ContributionRecorded)];

    [Fact]
    public async Task Network_events_build_the_projection_idempotently_and_late_events_do_not_move_it_back()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker);
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var networkId = Guid.NewGuid();
        var header = tenant.Id.ToString();
        Task PublishAsync(object message, Guid? messageId = null) => probe.RepublishAsync(new ReceivedMessage(messageId ?? Guid.NewGuid(), message, header));

        var joined = Guid.NewGuid();
        await PublishAsync(new NetworkFormed(tenant.Id, networkId, "cuy", "PE-CUS", specialist.Id, true, 0, 5, 3, new DateOnly(2025, 1, 10)));
        await PublishAsync(new NetworkPhaseAdvanced(tenant.Id, networkId, "cuy", "PE-CUS", 2, 3, new DateOnly(2025, 6, 1)));
        await PublishAsync(new NetworkMembershipChanged(tenant.Id, networkId, Guid.NewGuid(), true, 6, 3, new DateOnly(2025, 6, 2)), joined);
        await app.EventuallyAsync(async () => await app.ProjectedNetworkAsync(tenant.Id, networkId) is { Phase: 3, MemberCount: 6, IsFormed: true },
            "the network's projection");

        // A late, older phase change and a redelivered membership change alter nothing.
        await PublishAsync(new NetworkPhaseAdvanced(tenant.Id, networkId, "cuy", "PE-CUS", 1, 2, new DateOnly(2025, 3, 1)));
        await PublishAsync(new NetworkMembershipChanged(tenant.Id, networkId, Guid.NewGuid(), true, 6, 3, new DateOnly(2025, 6, 2)), joined);
        await PublishAsync(new NetworkMembershipChanged(tenant.Id, networkId, Guid.NewGuid(), false, 4, 2, new DateOnly(2025, 4, 1)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var network = await app.ProjectedNetworkAsync(tenant.Id, networkId);
        Assert.Equal((3, 6, "cuy", "PE-CUS", specialist.Id), (network!.Phase, network.MemberCount, network.ValueChainCode, network.RegionCode, network.SpecialistId));

        // Another tenant never sees it, and the specialist can now plan for it.
        var other = await app.OnboardAsync();
        Assert.Null(await app.ProjectedNetworkAsync(other.Id, networkId));
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest(minPhase: 3));
        await (await specialist.Client.PostAsJsonAsync("/api/business-plans", PlanRequest(networkId, programme.Id))).ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_reassigned_network_is_planned_by_its_new_specialist_and_a_late_older_reassignment_changes_nothing()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker);
        var tenant = await app.OnboardAsync();
        var (ana, luis, rosa) = (await app.StaffAsync(tenant), await app.StaffAsync(tenant), await app.StaffAsync(tenant));
        var networkId = Guid.NewGuid();
        Task PublishAsync(object message) => probe.RepublishAsync(new ReceivedMessage(Guid.NewGuid(), message, tenant.Id.ToString()));

        await PublishAsync(new NetworkFormed(tenant.Id, networkId, "cuy", "PE-CUS", ana.Id, true, 3, 5, 3, new DateOnly(2025, 1, 10)));
        await PublishAsync(new NetworkSpecialistReassigned(tenant.Id, networkId, ana.Id, luis.Id, new DateOnly(2025, 5, 1)));
        await app.EventuallyAsync(async () => await app.ProjectedNetworkAsync(tenant.Id, networkId) is { SpecialistId: var s } && s == luis.Id,
            "the reassignment in the projection");
        await PublishAsync(new NetworkSpecialistReassigned(tenant.Id, networkId, ana.Id, rosa.Id, new DateOnly(2025, 3, 1)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(luis.Id, (await app.ProjectedNetworkAsync(tenant.Id, networkId))!.SpecialistId);

        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest(minPhase: 3));
        await (await ana.Client.PostAsJsonAsync("/api/business-plans", PlanRequest(networkId, programme.Id))).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await luis.Client.PostAsJsonAsync("/api/business-plans", PlanRequest(networkId, programme.Id))).ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Financing_events_reach_a_consumer_once_with_the_tenant_and_what_reporting_needs()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker, FinancingEvents);
        var (tenant, _, network, programme, plan, _) = await ProgrammeWithEveryMovementAsync();

        bool Mine(object message) => message switch
        {
            ProgrammePublished m => m.ProgrammeId == programme,
            BusinessPlanSubmitted m => m.ProgrammeId == programme,
            BusinessPlanApproved m => m.ProgrammeId == programme,
            BusinessPlanRejected m => m.ProgrammeId == programme,
            DisbursementMade m => m.ProgrammeId == programme,
            ContributionRecorded m => m.ProgrammeId == programme,
            _ => false,
        };
        await probe.WaitUntilAsync(p => p.Received.Count(r => Mine(r.Message)) >= 7, Timeout, "the programme's seven events");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var received = probe.Received.Where(r => Mine(r.Message)).ToList();
        Assert.Equal(7, received.Count);
        Assert.All(received, r => Assert.Equal(tenant.Id.ToString(), r.TenantHeader));

        var published = Assert.Single(probe.Of<ProgrammePublished>(), m => m.Message.ProgrammeId == programme).Message;
        Assert.Equal((tenant.Id, 1_000_000m, 0.30m), (published.OwnerTenantId!.Value, published.TotalBudgetPen, published.MinNetworkContributionShare));
        var approved = Assert.Single(probe.Of<BusinessPlanApproved>(), m => m.Message.ProgrammeId == programme).Message;
        Assert.Equal((tenant.Id, plan.Id, network, "quinoa", "PE-PUN", 7_000m, 2_000m, 1_000m, 10_000m),
            (approved.TenantId, approved.PlanId, approved.NetworkId, approved.ValueChain, approved.RegionCode, approved.ProgrammeFundsPen,
             approved.NetworkCashPen, approved.NetworkInKindPen, approved.TotalPen));
        Assert.Equal(2, probe.Of<BusinessPlanSubmitted>().Count(m => m.Message.ProgrammeId == programme));
        Assert.Equal("Sin mercado", Assert.Single(probe.Of<BusinessPlanRejected>(), m => m.Message.ProgrammeId == programme).Message.Reason);
        var disbursed = Assert.Single(probe.Of<DisbursementMade>(), m => m.Message.ProgrammeId == programme).Message;
        Assert.Equal((2_500.50m, 2_500.50m, "PE-PUN"), (disbursed.AmountPen, disbursed.DisbursedTotalPen, disbursed.RegionCode));
        var contributed = Assert.Single(probe.Of<ContributionRecorded>(), m => m.Message.ProgrammeId == programme).Message;
        Assert.Equal((100m, 50.25m), (contributed.CashPen, contributed.InKindPen));
    }

    [Fact]
    public async Task Republishing_a_tenants_state_sends_its_programmes_and_each_plan_as_its_current_status_with_its_movements()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker, FinancingEvents);
        var (tenant, specialist, network, programme, plan, rejected) = await ProgrammeWithEveryMovementAsync();
        await specialist.Client.DraftAsync(PlanRequest(network, programme)); // a draft: republished as nothing
        await probe.WaitUntilAsync(p => p.Of<ContributionRecorded>().Any(m => m.Message.PlanId == plan.Id), Timeout, "the live events");
        var live = probe.Received.ToList();

        await probe.PublishAsync(new TenantStateRepublishRequested(Guid.NewGuid(), tenant.Id), Guid.NewGuid(), tenant.Id.ToString());

        bool Snapshot(ReceivedMessage r) => live.All(l => l.MessageId != r.MessageId);
        await probe.WaitUntilAsync(p => p.Received.Where(Snapshot).Any(r => r.Message is ContributionRecorded), Timeout, "the snapshot");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var snapshot = probe.Received.Where(Snapshot).ToList();
        Assert.All(snapshot, r => Assert.Equal(tenant.Id.ToString(), r.TenantHeader));
        Assert.Equal(programme, Assert.Single(snapshot.Select(r => r.Message).OfType<ProgrammePublished>()).ProgrammeId);
        Assert.DoesNotContain(snapshot, r => r.Message is BusinessPlanSubmitted);
        Assert.Equal((plan.Id, rejected.Id), (Assert.Single(snapshot.Select(r => r.Message).OfType<BusinessPlanApproved>()).PlanId,
            Assert.Single(snapshot.Select(r => r.Message).OfType<BusinessPlanRejected>()).PlanId));
        Assert.Single(snapshot.Select(r => r.Message).OfType<DisbursementMade>());
        Assert.Single(snapshot.Select(r => r.Message).OfType<ContributionRecorded>());
    }

    /// <summary>
    /// The live handlers and the rebuild build a plan's events in one factory: for each status a plan can be rebuilt
    /// from (submitted, returned, approved and then in execution, rejected) and each movement, the rebuilt event is the
    /// live one, field for field. Times compare to the microsecond, all PostgreSQL keeps of the step they were taken at.
    /// </summary>
    [Fact]
    public async Task A_rebuild_sends_each_plan_event_exactly_as_it_was_published_live()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker, FinancingEvents);
        var (tenant, specialist, network, programme, plan, _) = await ProgrammeWithEveryMovementAsync();
        await (await tenant.Admin.ActAsync(plan.Id, "start-execution")).ShouldBeAsync(HttpStatusCode.OK);
        var submitted = await specialist.SubmittedAsync(network, programme);
        var returned = await specialist.SubmittedAsync(network, programme);
        await (await tenant.Admin.ActAsync(returned.Id, "return", new TransitionRequest("Corregir"))).ShouldBeAsync(HttpStatusCode.OK);
        static Guid? PlanOf(object message) => message switch
        {
            BusinessPlanSubmitted m => m.PlanId, BusinessPlanApproved m => m.PlanId, BusinessPlanRejected m => m.PlanId,
            DisbursementMade m => m.PlanId, ContributionRecorded m => m.PlanId, _ => null,
        };
        bool Tenants(ReceivedMessage r) => PlanOf(r.Message) is not null && r.TenantHeader == tenant.Id.ToString();
        await probe.WaitUntilAsync(p => p.Received.Where(Tenants).Count(r => PlanOf(r.Message) == submitted.Id || PlanOf(r.Message) == returned.Id) == 2,
            Timeout, "the live submissions");
        await probe.WaitUntilAsync(p => p.Of<ContributionRecorded>().Any(m => m.Message.PlanId == plan.Id), Timeout, "the live movements");
        var live = probe.Received.Where(Tenants).ToList();

        await probe.PublishAsync(new TenantStateRepublishRequested(Guid.NewGuid(), tenant.Id), Guid.NewGuid(), tenant.Id.ToString());
        bool Rebuilt(ReceivedMessage r) => Tenants(r) && live.All(l => l.MessageId != r.MessageId);
        await probe.WaitUntilAsync(p => p.Received.Count(Rebuilt) >= 6, Timeout, "the rebuilt plan events");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var rebuilt = probe.Received.Where(Rebuilt).Select(r => AtMicroseconds(r.Message)).ToList();

        // What each plan's current status republishes is its latest live event of that kind; a decided plan's submission is not republished.
        var expected = live.Select(r => r.Message).Where(m => m is not BusinessPlanSubmitted || PlanOf(m) == submitted.Id || PlanOf(m) == returned.Id)
            .GroupBy(m => (m.GetType(), PlanOf(m))).Select(g => AtMicroseconds(g.Last())).ToList();
        Assert.Equal(6, rebuilt.Count);
        Assert.Equal(expected.OrderBy(m => m.ToString()), rebuilt.OrderBy(m => m.ToString()));
    }

    static object AtMicroseconds(object message)
    {
        static DateTimeOffset Micro(DateTimeOffset at) => at.AddTicks(-(at.Ticks % 10));
        return message switch
        {
            BusinessPlanSubmitted m => m with { SubmittedAt = Micro(m.SubmittedAt) },
            BusinessPlanApproved m => m with { ApprovedAt = Micro(m.ApprovedAt) },
            BusinessPlanRejected m => m with { RejectedAt = Micro(m.RejectedAt) },
            _ => message,
        };
    }

    /// <summary>A tenant's programme with every movement Financing publishes: one plan approved, paid and contributed to, one rejected.</summary>
    private sealed record ProgrammeWithMovements(ServiceTenant Tenant, SignedInStaff Specialist, Guid Network, Guid Programme, PlanDetails Plan, PlanDetails Rejected);

    private async Task<ProgrammeWithMovements> ProgrammeWithEveryMovementAsync()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var network = await app.SeedNetworkAsync(tenant.Id, specialist.Id, chain: "quinoa", region: "PE-PUN");
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest());
        var plan = await specialist.Client.DraftAsync(PlanRequest(network, programme.Id));
        var rejected = await specialist.Client.DraftAsync(PlanRequest(network, programme.Id));
        foreach (var p in new[] { plan, rejected }) await (await specialist.Client.ActAsync(p.Id, "submit")).ShouldBeAsync(HttpStatusCode.OK);
        await (await tenant.Admin.ActAsync(plan.Id, "approve")).ShouldBeAsync(HttpStatusCode.OK);
        await (await tenant.Admin.ActAsync(rejected.Id, "reject", new RejectRequest("Sin mercado"))).ShouldBeAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PostAsJsonAsync($"/api/business-plans/{plan.Id}/disbursements", new DisbursementRequest(new DateOnly(2025, 3, 1), 2_500.50m, "CP-1"))).ShouldBeAsync(HttpStatusCode.Created);
        await (await specialist.Client.PostAsJsonAsync($"/api/business-plans/{plan.Id}/contributions", new ContributionRequest(new DateOnly(2025, 3, 2), 100m, 50.25m, "Jornales"))).ShouldBeAsync(HttpStatusCode.Created);
        return new ProgrammeWithMovements(tenant, specialist, network, programme.Id, plan, rejected);
    }
}
