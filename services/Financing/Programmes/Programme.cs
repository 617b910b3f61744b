using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Financing.Programmes;

/// <summary>
/// A funding programme. National ones (published by the national unit) have no owner and every tenant sees them;
/// a tenant's own programme has <see cref="OwnerTenantId"/> set and only that tenant sees it. Not <c>ITenantOwned</c>:
/// visibility is the named query filter "Visibility" plus the table's own row-level security policies
/// (see docs/decisions/0006-financing-programmes-visibility.md).
/// </summary>
public sealed class Programme : IAudited
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

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}
