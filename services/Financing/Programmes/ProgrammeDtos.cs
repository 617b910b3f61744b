using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using RedesPlataforma.BuildingBlocks.Peru;

namespace RedesPlataforma.Financing.Programmes;

/// <summary>A programme's terms: what publishing one takes, and what editing one replaces (<c>PUT /api/programmes/{id}</c>).</summary>
public sealed record PublishProgrammeRequest(
    [property: Required, StringLength(200, MinimumLength = 3)] string Name,
    [property: Required, StringLength(200, MinimumLength = 2)] string Funder,
    decimal TotalBudgetPen,
    [property: Required, PlausibleDate] DateOnly? StartsOn,
    [property: Required, PlausibleDate] DateOnly? EndsOn,
    decimal MaxProgrammeFundsPerPlanPen,
    decimal MinNetworkContributionShare,
    [property: MaxLength(50)] IReadOnlyList<string>? EligibleValueChains,
    [property: MaxLength(30)] IReadOnlyList<string>? EligibleRegions,
    [property: Range(0, 4)] int MinPhase);

/// <summary>
/// A programme. <c>TenantCommittedPen</c> / <c>TenantDisbursedPen</c>: for a national programme read by a tenant, the
/// part committed to and disbursed on that tenant's own plans; null for tenant programmes and for the national unit,
/// which reads the per-tenant figures at <c>GET /api/programmes/{id}/budgets</c>.
/// </summary>
public sealed record ProgrammeDto(
    Guid Id, bool IsNational, string Name, string Funder, decimal TotalBudgetPen, DateOnly StartsOn, DateOnly EndsOn,
    decimal MaxProgrammeFundsPerPlanPen, decimal MinNetworkContributionShare, IReadOnlyList<string> EligibleValueChains,
    IReadOnlyList<string> EligibleRegions, int MinPhase, decimal CommittedPen, decimal DisbursedPen, decimal RemainingPen,
    decimal? TenantCommittedPen, decimal? TenantDisbursedPen, DateTimeOffset? ClosedAt)
{
    /// <summary>The programme as <paramref name="viewerTenantId"/> (null: the national unit) sees it.</summary>
    public static Expression<Func<Programme, ProgrammeDto>> Projection(Guid? viewerTenantId) => p => new ProgrammeDto(
        p.Id, p.OwnerTenantId == null, p.Name, p.Funder, p.TotalBudgetPen, p.StartsOn, p.EndsOn, p.MaxProgrammeFundsPerPlanPen,
        p.MinNetworkContributionShare, p.EligibleValueChains, p.EligibleRegions, p.MinPhase, p.CommittedPen, p.DisbursedPen,
        p.TotalBudgetPen - p.CommittedPen,
        viewerTenantId != null && p.OwnerTenantId == null
            ? p.TenantBudgets.Where(b => b.TenantId == viewerTenantId).Select(b => (decimal?)b.CommittedPen).FirstOrDefault() ?? 0m
            : null,
        viewerTenantId != null && p.OwnerTenantId == null
            ? p.TenantBudgets.Where(b => b.TenantId == viewerTenantId).Select(b => (decimal?)b.DisbursedPen).FirstOrDefault() ?? 0m
            : null,
        p.ClosedAt);
}

/// <summary>What a national programme has committed to and disbursed on one tenant's plans.</summary>
public sealed record TenantBudgetDto(Guid TenantId, decimal CommittedPen, decimal DisbursedPen);
