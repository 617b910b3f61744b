using System.ComponentModel.DataAnnotations;
using RedesPlataforma.BuildingBlocks.Peru;

namespace RedesPlataforma.Financing.Plans;

// Request and response bodies of the plan endpoints. Explicit records: totals, status and tenant cannot be typed in.

public sealed record BudgetLineRequest(
    [property: Required, EnumDataType(typeof(BudgetCategory))] BudgetCategory? Category,
    [property: Required, StringLength(500, MinimumLength = 2)] string Description,
    decimal Quantity,
    decimal UnitCostPen,
    decimal ProgrammeFundsPen,
    decimal NetworkCashPen,
    decimal NetworkInKindPen);

public sealed record DraftPlanRequest(
    [property: Required, StringLength(200, MinimumLength = 3)] string Title,
    Guid NetworkId,
    Guid ProgrammeId,
    [property: Required, StringLength(4000, MinimumLength = 3)] string Objectives,
    [property: Required, MinLength(1), MaxLength(200)] IReadOnlyList<BudgetLineRequest> Lines);

public sealed record EditPlanRequest(
    [property: Required, StringLength(200, MinimumLength = 3)] string Title,
    [property: Required, StringLength(4000, MinimumLength = 3)] string Objectives,
    [property: Required, MinLength(1), MaxLength(200)] IReadOnlyList<BudgetLineRequest> Lines);

public sealed record TransitionRequest([property: StringLength(2000)] string? Comment);

public sealed record RejectRequest([property: Required, StringLength(2000, MinimumLength = 3)] string Reason);

public sealed record DisbursementRequest(
    [property: Required, PlausibleDate] DateOnly? On,
    decimal AmountPen,
    [property: Required, StringLength(100, MinimumLength = 1)] string Reference);

public sealed record ContributionRequest(
    [property: Required, PlausibleDate] DateOnly? On,
    decimal CashPen,
    decimal InKindPen,
    [property: Required, StringLength(500, MinimumLength = 2)] string Description);

public sealed record BudgetLineDto(
    BudgetCategory Category, string Description, decimal Quantity, decimal UnitCostPen, decimal AmountPen, decimal ProgrammeFundsPen,
    decimal NetworkCashPen, decimal NetworkInKindPen);

public sealed record TransitionDto(PlanStatus? FromStatus, PlanStatus ToStatus, Guid? ActorId, string? ActorName, string? Comment, DateTimeOffset At);

public sealed record DisbursementDto(Guid Id, DateOnly On, decimal AmountPen, string Reference, DateTimeOffset RecordedAt);

public sealed record ContributionDto(Guid Id, DateOnly On, decimal CashPen, decimal InKindPen, string Description, DateTimeOffset RecordedAt);

public sealed record PlanSummary(
    Guid Id, string Title, Guid NetworkId, Guid ProgrammeId, PlanStatus Status, decimal TotalPen, decimal ProgrammeFundsPen,
    decimal NetworkContributionPen, decimal DisbursedPen);

/// <summary>
/// A plan with its totals. <c>NetworkContributionShare</c> = (cash + in kind) / total, rounded to four decimals half
/// away from zero for display only; approval compares the exact amounts.
/// </summary>
public sealed record PlanDetails(
    Guid Id, string Title, Guid NetworkId, Guid ProgrammeId, string Objectives, PlanStatus Status, IReadOnlyList<BudgetLineDto> Lines,
    decimal TotalPen, decimal ProgrammeFundsPen, decimal NetworkCashPen, decimal NetworkInKindPen, decimal NetworkContributionPen,
    decimal NetworkContributionShare, decimal DisbursedPen, decimal ContributedCashPen, decimal ContributedInKindPen,
    IReadOnlyList<TransitionDto> History, IReadOnlyList<DisbursementDto> Disbursements, IReadOnlyList<ContributionDto> Contributions)
{
    public static PlanDetails From(BusinessPlan p) => new(
        p.Id, p.Title, p.NetworkId, p.ProgrammeId, p.Objectives, p.Status,
        [.. p.Lines.OrderBy(l => l.Position).Select(l => new BudgetLineDto(l.Category, l.Description, l.Quantity, l.UnitCostPen, l.AmountPen,
            l.ProgrammeFundsPen, l.NetworkCashPen, l.NetworkInKindPen))],
        p.TotalPen, p.ProgrammeFundsPen, p.NetworkCashPen, p.NetworkInKindPen, p.NetworkCashPen + p.NetworkInKindPen,
        Money.Share(p.NetworkCashPen + p.NetworkInKindPen, p.TotalPen),
        p.DisbursedPen, p.Contributions.Sum(c => c.CashPen), p.Contributions.Sum(c => c.InKindPen),
        [.. p.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new TransitionDto(h.FromStatus, h.ToStatus, h.ActorId, h.ActorName, h.Comment, h.At))],
        [.. p.Disbursements.OrderBy(d => d.On).ThenBy(d => d.Id).Select(d => new DisbursementDto(d.Id, d.On, d.AmountPen, d.Reference, d.RecordedAt))],
        [.. p.Contributions.OrderBy(c => c.On).ThenBy(c => c.Id).Select(c => new ContributionDto(c.Id, c.On, c.CashPen, c.InKindPen, c.Description, c.RecordedAt))]);
}
