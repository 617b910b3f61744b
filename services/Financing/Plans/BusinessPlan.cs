using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Financing.Plans;

public enum PlanStatus { Draft, Submitted, Approved, Rejected, Returned, InExecution, Closed }

public enum BudgetCategory { Equipment, Infrastructure, TechnicalAssistance, Training, Marketing, WorkingCapital, Other }

/// <summary>
/// A network's joint business plan under one programme. Totals are recomputed from the lines on every edit and never
/// accepted from a client; only Draft and Returned plans can be edited.
/// </summary>
public sealed class BusinessPlan : ITenantOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Title { get; set; }
    public Guid NetworkId { get; init; }
    public Guid ProgrammeId { get; init; }
    public required string Objectives { get; set; }
    public PlanStatus Status { get; set; }
    public List<BudgetLine> Lines { get; set; } = [];
    public List<PlanTransition> History { get; init; } = [];
    public List<Disbursement> Disbursements { get; init; } = [];
    public List<Contribution> Contributions { get; init; } = [];

    public decimal TotalPen { get; set; }
    public decimal ProgrammeFundsPen { get; set; }
    public decimal NetworkCashPen { get; set; }
    public decimal NetworkInKindPen { get; set; }
    public decimal DisbursedPen { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }

    /// <summary>Optimistic concurrency: two transitions racing on the same plan cannot both win.</summary>
    public uint Version { get; set; }

    public bool IsEditable => Status is PlanStatus.Draft or PlanStatus.Returned;

    /// <summary>Totals come from the lines, never from a client.</summary>
    public void Recompute(IReadOnlyCollection<BudgetLine> lines)
    {
        TotalPen = lines.Sum(l => l.AmountPen);
        ProgrammeFundsPen = lines.Sum(l => l.ProgrammeFundsPen);
        NetworkCashPen = lines.Sum(l => l.NetworkCashPen);
        NetworkInKindPen = lines.Sum(l => l.NetworkInKindPen);
    }
}

/// <summary>One budget line: amount = quantity × unit cost rounded to cents half away from zero, split three ways.</summary>
public sealed class BudgetLine : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PlanId { get; init; }
    public int Position { get; init; }
    public BudgetCategory Category { get; init; }
    public required string Description { get; init; }
    public decimal Quantity { get; init; }
    public decimal UnitCostPen { get; init; }
    public decimal AmountPen { get; init; }
    public decimal ProgrammeFundsPen { get; init; }
    public decimal NetworkCashPen { get; init; }
    public decimal NetworkInKindPen { get; init; }
}

/// <summary>One step of a plan's workflow, with who took it, when and why.</summary>
public sealed class PlanTransition : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PlanId { get; init; }
    public PlanStatus? FromStatus { get; init; }
    public PlanStatus ToStatus { get; init; }
    public Guid? ActorId { get; init; }
    public string? ActorName { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>A tranche of programme funds paid to an approved plan.</summary>
public sealed class Disbursement : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PlanId { get; init; }
    public DateOnly On { get; init; }
    public decimal AmountPen { get; init; }
    public required string Reference { get; init; }
    public Guid? RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>What the network actually contributed, in cash and in kind.</summary>
public sealed class Contribution : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PlanId { get; init; }
    public DateOnly On { get; init; }
    public decimal CashPen { get; init; }
    public decimal InKindPen { get; init; }
    public required string Description { get; init; }
    public Guid? RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
