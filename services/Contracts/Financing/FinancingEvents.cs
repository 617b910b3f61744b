namespace RedesPlataforma.Contracts.Financing;

// Amounts are PEN (soles) with two decimals. A national programme has no owner tenant (OwnerTenantId null).

public record ProgrammePublished(
    Guid ProgrammeId, Guid? OwnerTenantId, string Name, string Funder, decimal TotalBudgetPen, decimal MaxProgrammeFundsPerPlanPen,
    decimal MinNetworkContributionShare, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> EligibleValueChains,
    IReadOnlyList<string> EligibleRegions, DateTimeOffset PublishedAt);

/// <summary>
/// A programme's terms were edited or it was closed (<c>ClosedAt</c> set: no new plans or approvals). Carries the
/// programme's whole current state, so a consumer keeps the newest by the outbox sequence.
/// </summary>
public record ProgrammeChanged(
    Guid ProgrammeId, Guid? OwnerTenantId, string Name, string Funder, decimal TotalBudgetPen, decimal MaxProgrammeFundsPerPlanPen,
    decimal MinNetworkContributionShare, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> EligibleValueChains,
    IReadOnlyList<string> EligibleRegions, DateTimeOffset? ClosedAt, DateTimeOffset ChangedAt);

public record BusinessPlanSubmitted(
    Guid TenantId, Guid PlanId, Guid ProgrammeId, Guid NetworkId, string ValueChain, string RegionCode, decimal ProgrammeFundsPen,
    decimal NetworkCashPen, decimal NetworkInKindPen, decimal TotalPen, DateTimeOffset SubmittedAt);

public record BusinessPlanApproved(
    Guid TenantId, Guid PlanId, Guid ProgrammeId, Guid NetworkId, string ValueChain, string RegionCode, decimal ProgrammeFundsPen,
    decimal NetworkCashPen, decimal NetworkInKindPen, decimal TotalPen, DateTimeOffset ApprovedAt);

public record BusinessPlanRejected(
    Guid TenantId, Guid PlanId, Guid ProgrammeId, Guid NetworkId, string ValueChain, string RegionCode, decimal ProgrammeFundsPen,
    string Reason, DateTimeOffset RejectedAt);

/// <summary>A tranche of programme funds paid to a plan; <c>DisbursedTotalPen</c> is the plan's total after it.</summary>
public record DisbursementMade(
    Guid TenantId, Guid PlanId, Guid ProgrammeId, Guid NetworkId, string ValueChain, string RegionCode, Guid DisbursementId,
    decimal AmountPen, decimal DisbursedTotalPen, DateOnly On);

/// <summary>What the network actually put in, in cash and in kind.</summary>
public record ContributionRecorded(
    Guid TenantId, Guid PlanId, Guid ProgrammeId, Guid NetworkId, string ValueChain, string RegionCode, Guid ContributionId,
    decimal CashPen, decimal InKindPen, DateOnly On);
