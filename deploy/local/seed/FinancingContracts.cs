namespace RedesPlataforma.Seed;

// The slices of the Financing API's request and response records the seed uses (services/Financing: Programmes/
// ProgrammeContracts.cs, Plans/PlanContracts.cs, NationalReviews/NationalReviewContracts.cs). Copied by shape, like
// Contracts.cs; enums travel as text (BudgetCategory Equipment … Other, PlanStatus Draft … Closed, ReviewStatus
// Pending/Approved/Rejected/Returned).

public sealed record PublishProgrammeRequest(
    string Name, string Funder, decimal TotalBudgetPen, DateOnly StartsOn, DateOnly EndsOn, decimal MaxProgrammeFundsPerPlanPen,
    decimal MinNetworkContributionShare, IReadOnlyList<string> EligibleValueChains, IReadOnlyList<string> EligibleRegions, int MinPhase);

/// <summary>A programme as anyone reads it: a tenant reading a national programme that is not public sees only its own
/// part (ADR 0025), so the programme's totals are only in <see cref="ProgrammeTotals"/>, the national unit's view.</summary>
public sealed record ProgrammeDto(Guid Id, bool IsNational, string Name, decimal? TenantCommittedPen, decimal? TenantDisbursedPen);

public sealed record ProgrammeTotals(Guid Id, string Name, decimal TotalBudgetPen, decimal CommittedPen, decimal DisbursedPen);

public sealed record TenantBudgetDto(Guid TenantId, decimal CommittedPen, decimal DisbursedPen);

public sealed record BudgetLineRequest(
    string Category, string Description, decimal Quantity, decimal UnitCostPen, decimal ProgrammeFundsPen, decimal NetworkCashPen,
    decimal NetworkInKindPen);

public sealed record DraftPlanRequest(string Title, Guid NetworkId, Guid ProgrammeId, string Objectives, IReadOnlyList<BudgetLineRequest> Lines);

public sealed record TransitionRequest(string? Comment);

public sealed record ReasonRequest(string Reason);

public sealed record DisbursementRequest(DateOnly On, decimal AmountPen, string Reference);

public sealed record ContributionRequest(DateOnly On, decimal CashPen, decimal InKindPen, string Description);

public sealed record PlanSummary(
    Guid Id, string Title, Guid NetworkId, Guid ProgrammeId, string Status, decimal TotalPen, decimal ProgrammeFundsPen,
    decimal NetworkContributionPen, decimal DisbursedPen);

public sealed record DisbursementDto(Guid Id, DateOnly On, decimal AmountPen, string Reference);

public sealed record ContributionDto(Guid Id, DateOnly On, decimal CashPen, decimal InKindPen, string Description);

public sealed record PlanDetails(
    Guid Id, string Status, decimal TotalPen, decimal ProgrammeFundsPen, decimal NetworkCashPen, decimal NetworkInKindPen, decimal DisbursedPen,
    IReadOnlyList<DisbursementDto> Disbursements, IReadOnlyList<ContributionDto> Contributions);

public sealed record NationalReviewDto(Guid Id, Guid PlanId, Guid TenantId, string Status, decimal TotalPen, decimal DisbursedPen);
