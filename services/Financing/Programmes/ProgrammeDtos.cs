using System.ComponentModel.DataAnnotations;
using RedesPlataforma.BuildingBlocks.Peru;

namespace RedesPlataforma.Financing.Programmes;

/// <summary>
/// A programme's terms: what publishing one takes, and what editing one replaces (<c>PUT /api/programmes/{id}</c>).
/// <c>IsPublic</c>: a national programme whose totals every tenant sees; only the national unit's programmes can be public.
/// </summary>
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
    [property: Range(0, 4)] int MinPhase,
    bool IsPublic = false);

/// <summary>
/// A programme as one caller sees it. <c>CommittedPen</c>, <c>DisbursedPen</c> and <c>RemainingPen</c> are the
/// programme-wide totals: shown to the owner and, for a public programme, to every tenant; null for a tenant reading a
/// national programme that is not public, whose other tenants' amounts they would reveal. <c>BudgetRemains</c>: a plan
/// at the per-plan maximum still fits, for everyone. <c>TenantCommittedPen</c> / <c>TenantDisbursedPen</c>: for a
/// national programme read by a tenant, its own part; null for tenant programmes and for the national unit, which reads
/// the per-tenant figures at <c>GET /api/programmes/{id}/budgets</c>. See docs/decisions/0025-what-a-tenant-learns-of-a-national-programme.md.
/// </summary>
public sealed record ProgrammeDto(
    Guid Id, bool IsNational, bool IsPublic, string Name, string Funder, decimal TotalBudgetPen, DateOnly StartsOn, DateOnly EndsOn,
    decimal MaxProgrammeFundsPerPlanPen, decimal MinNetworkContributionShare, IReadOnlyList<string> EligibleValueChains,
    IReadOnlyList<string> EligibleRegions, int MinPhase, decimal? CommittedPen, decimal? DisbursedPen, decimal? RemainingPen,
    bool BudgetRemains, decimal? TenantCommittedPen, decimal? TenantDisbursedPen, DateTimeOffset? ClosedAt)
{
    /// <summary>The programme as <paramref name="viewerTenantId"/> (null: the national unit) sees it.</summary>
    public static ProgrammeDto Of(ProgrammeReading reading, Guid? viewerTenantId)
    {
        var (p, own) = reading;
        var totals = p.ShowsTotalsTo(viewerTenantId);
        var tenantPart = viewerTenantId is not null && p.IsNational;
        return new ProgrammeDto(p.Id, p.IsNational, p.IsPublic, p.Name, p.Funder, p.TotalBudgetPen, p.StartsOn, p.EndsOn,
            p.MaxProgrammeFundsPerPlanPen, p.MinNetworkContributionShare, p.EligibleValueChains, p.EligibleRegions, p.MinPhase,
            totals ? p.CommittedPen : null, totals ? p.DisbursedPen : null, totals ? p.RemainingPen : null, p.BudgetRemains,
            tenantPart ? own?.CommittedPen ?? 0m : null, tenantPart ? own?.DisbursedPen ?? 0m : null, p.ClosedAt);
    }
}

/// <summary>A programme read with the caller's own budget row, if the caller is a tenant and has one.</summary>
public sealed record ProgrammeReading(Programme Programme, ProgrammeTenantBudget? Own);

/// <summary>What a national programme has committed to and disbursed on one tenant's plans.</summary>
public sealed record TenantBudgetDto(Guid TenantId, decimal CommittedPen, decimal DisbursedPen);
