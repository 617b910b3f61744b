using System.ComponentModel.DataAnnotations;

namespace RedesPlataforma.Financing.Programmes;

public sealed record PublishProgrammeRequest(
    [property: Required, StringLength(200, MinimumLength = 3)] string Name,
    [property: Required, StringLength(200, MinimumLength = 2)] string Funder,
    decimal TotalBudgetPen,
    [property: Required] DateOnly? StartsOn,
    [property: Required] DateOnly? EndsOn,
    decimal MaxProgrammeFundsPerPlanPen,
    decimal MinNetworkContributionShare,
    [property: MaxLength(50)] IReadOnlyList<string>? EligibleValueChains,
    [property: MaxLength(30)] IReadOnlyList<string>? EligibleRegions,
    [property: Range(0, 4)] int MinPhase);

public sealed record ProgrammeDto(
    Guid Id, bool IsNational, string Name, string Funder, decimal TotalBudgetPen, DateOnly StartsOn, DateOnly EndsOn,
    decimal MaxProgrammeFundsPerPlanPen, decimal MinNetworkContributionShare, IReadOnlyList<string> EligibleValueChains,
    IReadOnlyList<string> EligibleRegions, int MinPhase, decimal CommittedPen, decimal DisbursedPen, decimal RemainingPen)
{
    public static readonly System.Linq.Expressions.Expression<Func<Programme, ProgrammeDto>> Projection = p => new ProgrammeDto(
        p.Id, p.OwnerTenantId == null, p.Name, p.Funder, p.TotalBudgetPen, p.StartsOn, p.EndsOn, p.MaxProgrammeFundsPerPlanPen,
        p.MinNetworkContributionShare, p.EligibleValueChains, p.EligibleRegions, p.MinPhase, p.CommittedPen, p.DisbursedPen,
        p.TotalBudgetPen - p.CommittedPen);
}
