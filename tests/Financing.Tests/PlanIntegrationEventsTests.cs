using RedesPlataforma.Contracts.Financing;
using RedesPlataforma.Financing.Networks;
using RedesPlataforma.Financing.Plans;
using static RedesPlataforma.Financing.Tests.Plans;

namespace RedesPlataforma.Financing.Tests;

/// <summary>
/// Every figure of a plan's events lands in its own field: the plan's amounts all differ, so a swapped pair of the
/// contracts' positional arguments would show here.
/// </summary>
public sealed class PlanIntegrationEventsTests
{
    static readonly FundableNetwork Network = new() { Id = Guid.NewGuid(), ValueChainCode = "quinua", RegionCode = "PE-PUN" };

    static BusinessPlan Plan() => In(PlanStatus.Approved);

    [Fact]
    public void Plan_decisions_carry_the_plans_split_its_network_and_the_moment()
    {
        var plan = Plan();
        var (t, p, g, n) = (plan.TenantId, plan.Id, plan.ProgrammeId, plan.NetworkId);
        Assert.Equal(new BusinessPlanSubmitted(t, p, g, n, "quinua", "PE-PUN", 7_000m, 2_000m, 1_000m, 10_000m, At), PlanIntegrationEvents.Submitted(plan, Network, At));
        Assert.Equal(new BusinessPlanApproved(t, p, g, n, "quinua", "PE-PUN", 7_000m, 2_000m, 1_000m, 10_000m, At), PlanIntegrationEvents.Approved(plan, Network, At));
        Assert.Equal(new BusinessPlanRejected(t, p, g, n, "quinua", "PE-PUN", 7_000m, "Sin mercado", At), PlanIntegrationEvents.Rejected(plan, Network, "Sin mercado", At));
    }

    [Fact]
    public void Movements_carry_their_own_amounts_and_dates()
    {
        var plan = Plan();
        var on = new DateOnly(2025, 3, 2);
        var disbursement = new Disbursement { PlanId = plan.Id, On = on, AmountPen = 2_500.50m, Reference = "CP-1" };
        Assert.Equal(new DisbursementMade(plan.TenantId, plan.Id, plan.ProgrammeId, plan.NetworkId, "quinua", "PE-PUN", disbursement.Id, 2_500.50m, 4_000m, on),
            PlanIntegrationEvents.Disbursed(plan, Network, disbursement, 4_000m));
        var contribution = new Contribution { PlanId = plan.Id, On = on, CashPen = 100m, InKindPen = 50.25m, Description = "Jornales" };
        Assert.Equal(new ContributionRecorded(plan.TenantId, plan.Id, plan.ProgrammeId, plan.NetworkId, "quinua", "PE-PUN", contribution.Id, 100m, 50.25m, on),
            PlanIntegrationEvents.Contributed(plan, Network, contribution));
    }
}
