using RedesPlataforma.Contracts.Financing;
using RedesPlataforma.Financing.Networks;

namespace RedesPlataforma.Financing.Plans;

/// <summary>
/// The events a plan publishes, built in one place for the live workflow and for a Reporting rebuild alike, so both
/// report the same figures. Named arguments: the contracts take many amounts of one type in a row.
/// </summary>
static class PlanIntegrationEvents
{
    public static BusinessPlanSubmitted Submitted(BusinessPlan plan, FundableNetwork network, DateTimeOffset at) => new(
        TenantId: plan.TenantId, PlanId: plan.Id, ProgrammeId: plan.ProgrammeId, NetworkId: plan.NetworkId,
        ValueChain: network.ValueChainCode, RegionCode: network.RegionCode, ProgrammeFundsPen: plan.ProgrammeFundsPen,
        NetworkCashPen: plan.NetworkCashPen, NetworkInKindPen: plan.NetworkInKindPen, TotalPen: plan.TotalPen, SubmittedAt: at);

    public static BusinessPlanApproved Approved(BusinessPlan plan, FundableNetwork network, DateTimeOffset at) => new(
        TenantId: plan.TenantId, PlanId: plan.Id, ProgrammeId: plan.ProgrammeId, NetworkId: plan.NetworkId,
        ValueChain: network.ValueChainCode, RegionCode: network.RegionCode, ProgrammeFundsPen: plan.ProgrammeFundsPen,
        NetworkCashPen: plan.NetworkCashPen, NetworkInKindPen: plan.NetworkInKindPen, TotalPen: plan.TotalPen, ApprovedAt: at);

    public static BusinessPlanRejected Rejected(BusinessPlan plan, FundableNetwork network, string reason, DateTimeOffset at) => new(
        TenantId: plan.TenantId, PlanId: plan.Id, ProgrammeId: plan.ProgrammeId, NetworkId: plan.NetworkId,
        ValueChain: network.ValueChainCode, RegionCode: network.RegionCode, ProgrammeFundsPen: plan.ProgrammeFundsPen,
        Reason: reason, RejectedAt: at);

    /// <param name="disbursedTotalPen">What the plan had received once this tranche was paid.</param>
    public static DisbursementMade Disbursed(BusinessPlan plan, FundableNetwork network, Disbursement disbursement, decimal disbursedTotalPen) => new(
        TenantId: plan.TenantId, PlanId: plan.Id, ProgrammeId: plan.ProgrammeId, NetworkId: plan.NetworkId,
        ValueChain: network.ValueChainCode, RegionCode: network.RegionCode, DisbursementId: disbursement.Id,
        AmountPen: disbursement.AmountPen, DisbursedTotalPen: disbursedTotalPen, On: disbursement.On);

    public static ContributionRecorded Contributed(BusinessPlan plan, FundableNetwork network, Contribution contribution) => new(
        TenantId: plan.TenantId, PlanId: plan.Id, ProgrammeId: plan.ProgrammeId, NetworkId: plan.NetworkId,
        ValueChain: network.ValueChainCode, RegionCode: network.RegionCode, ContributionId: contribution.Id,
        CashPen: contribution.CashPen, InKindPen: contribution.InKindPen, On: contribution.On);
}
