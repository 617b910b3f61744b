using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Financing.Programmes;

/// <summary>
/// A funding programme. National ones (published by the national unit) have no owner and every tenant sees them;
/// a tenant's own programme has <see cref="OwnerTenantId"/> set and only that tenant sees it. Not <c>ITenantOwned</c>:
/// visibility is the named query filter "Visibility" plus the table's own row-level security policies
/// (see docs/decisions/0006-financing-programmes-visibility.md).
/// </summary>
public sealed class Programme : AuditedEntity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? OwnerTenantId { get; init; }
    public required string Name { get; set; }
    public required string Funder { get; set; }
    public decimal TotalBudgetPen { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public decimal MaxProgrammeFundsPerPlanPen { get; set; }

    /// <summary>The least share of a plan's total the network must put in (cash + in kind), e.g. 0.30.</summary>
    public decimal MinNetworkContributionShare { get; set; }

    /// <summary>Empty: every chain / region is eligible.</summary>
    public List<string> EligibleValueChains { get; set; } = [];
    public List<string> EligibleRegions { get; set; } = [];
    public int MinPhase { get; set; }

    /// <summary>
    /// Set by the national unit to show a national programme's totals to every tenant, by choice (transparency);
    /// otherwise a tenant sees only its own part (docs/decisions/0025-what-a-tenant-learns-of-a-national-programme.md).
    /// </summary>
    public bool IsPublic { get; set; }

    /// <summary>Programme funds of approved plans. Changed only under a row lock on this row.</summary>
    public decimal CommittedPen { get; set; }
    public decimal DisbursedPen { get; set; }

    /// <summary>For a national programme: what is committed to and disbursed on each tenant's plans.</summary>
    public List<ProgrammeTenantBudget> TenantBudgets { get; init; } = [];

    /// <summary>Set when the owner closes the programme: no new plans or approvals; approved plans keep their disbursements.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public decimal RemainingPen => TotalBudgetPen - CommittedPen;
    public bool IsClosed => ClosedAt is not null;
    public bool IsNational => OwnerTenantId is null;

    /// <summary>
    /// Whether a plan at the per-plan maximum still fits. A tenant that cannot see the totals is told this rather than
    /// "anything left": with the total budget and its own part known, "nothing left" would give it the others' exact sum.
    /// </summary>
    public bool BudgetRemains => RemainingPen >= MaxProgrammeFundsPerPlanPen;

    /// <summary>
    /// Who sees the programme-wide committed, disbursed and remaining amounts: its owner (the national unit for a national
    /// programme, the tenant for its own) and, for a public programme, everyone who sees it. <paramref name="viewerTenantId"/>
    /// null is the national unit.
    /// </summary>
    public bool ShowsTotalsTo(Guid? viewerTenantId) => OwnerTenantId == viewerTenantId || IsPublic;

    /// <summary>Refuses a closed programme's new plans and approvals.</summary>
    public Refusal? RefuseNewPlans() => IsClosed ? Refusal.Conflict("programmeId",
        "The programme is closed: it takes no new plans or approvals. / El programa está cerrado: no admite planes ni aprobaciones nuevas.") : null;

    /// <summary>The owner's edits and its closing: a closed programme is final.</summary>
    public Refusal? RefuseChange() => IsClosed ? Refusal.Conflict("id", "The programme is already closed. / El programa ya está cerrado.") : null;

    /// <summary>
    /// Commits a plan's programme funds if the programme's rules allow it, compared on exact amounts: open, share =
    /// contribution / total ≥ the minimum, funds within the per-plan maximum and within what is left. The caller holds
    /// the programme's row lock.
    /// </summary>
    public Refusal? Commit(decimal totalPen, decimal programmeFundsPen, decimal contributionPen)
    {
        if (RefuseNewPlans() is { } closed) return closed;
        if (totalPen <= 0 || contributionPen < MinNetworkContributionShare * totalPen)
            return Refusal.Unprocessable("networkContributionShare",
                $"The network contributes {contributionPen:0.00} of {totalPen:0.00}; the programme asks for at least {MinNetworkContributionShare:P2}. / " +
                $"La red aporta {contributionPen:0.00} de {totalPen:0.00}; el programa exige al menos {MinNetworkContributionShare:P2}.");
        if (programmeFundsPen > MaxProgrammeFundsPerPlanPen)
            return Refusal.Unprocessable("programmeFundsPen",
                $"The programme co-finances at most {MaxProgrammeFundsPerPlanPen:0.00} per plan. / El programa cofinancia como máximo {MaxProgrammeFundsPerPlanPen:0.00} por plan.");
        if (programmeFundsPen > RemainingPen)
            return Refusal.Conflict("programmeFundsPen",
                $"The programme has {RemainingPen:0.00} left to commit. / Al programa le quedan {RemainingPen:0.00} por comprometer.");
        CommittedPen += programmeFundsPen;
        return null;
    }
}
