using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Lifecycles;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Financing.Programmes;

namespace RedesPlataforma.Financing.Plans;

public enum PlanStatus { Draft, Submitted, Approved, Rejected, Returned, InExecution, Closed }

public enum BudgetCategory { Equipment, Infrastructure, TechnicalAssistance, Training, Marketing, WorkingCapital, Other }

/// <summary>
/// A network's joint business plan under one programme. Totals are recomputed from the lines on every edit and never
/// accepted from a client; only Draft and Returned plans can be edited. The plan guards its own status: each step either
/// is refused by <see cref="Transitions"/> or moves it and writes the step into <see cref="History"/>.
/// </summary>
public sealed class BusinessPlan : AuditedEntity, ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Title { get; set; }
    public Guid NetworkId { get; init; }
    public Guid ProgrammeId { get; init; }
    public required string Objectives { get; set; }
    public PlanStatus Status { get; private set; }
    public List<BudgetLine> Lines { get; set; } = [];
    public List<PlanTransition> History { get; init; } = [];
    public List<Disbursement> Disbursements { get; init; } = [];
    public List<Contribution> Contributions { get; init; } = [];

    public decimal TotalPen { get; set; }
    public decimal ProgrammeFundsPen { get; set; }
    public decimal NetworkCashPen { get; set; }
    public decimal NetworkInKindPen { get; set; }
    public decimal DisbursedPen { get; set; }

    /// <summary>Optimistic concurrency: two transitions racing on the same plan cannot both win.</summary>
    public uint Version { get; set; }

    /// <summary>
    /// The plan's workflow: from each status, the statuses its steps lead to. A plan is drafted as Draft; a returned plan
    /// is changed and submitted again; Rejected and Closed are final.
    /// </summary>
    internal static readonly Lifecycle<PlanStatus> Transitions = new(
        new Dictionary<PlanStatus, PlanStatus[]>
        {
            [PlanStatus.Draft] = [PlanStatus.Submitted],
            [PlanStatus.Returned] = [PlanStatus.Submitted],
            [PlanStatus.Submitted] = [PlanStatus.Approved, PlanStatus.Rejected, PlanStatus.Returned],
            [PlanStatus.Approved] = [PlanStatus.InExecution],
            [PlanStatus.InExecution] = [PlanStatus.Closed],
        },
        (from, to) => Refusal.Conflict("status", $"A plan cannot go from {from} to {to}. / Un plan no puede pasar de {from} a {to}."));

    /// <summary>A plan is changed exactly while it can be (re)submitted: drafted, or returned for changes.</summary>
    public bool IsEditable => Transitions.Allows(Status, PlanStatus.Submitted);

    /// <summary>Programme funds are paid, and the network's contributions recorded, once the plan is approved.</summary>
    public bool IsFunded => Status is PlanStatus.Approved or PlanStatus.InExecution;

    public decimal NetworkContributionPen => NetworkCashPen + NetworkInKindPen;

    /// <summary>A new plan in Draft, its history opened by whoever drafted it.</summary>
    public static BusinessPlan Draft(Guid networkId, Guid programmeId, string title, string objectives, ICurrentUser by, DateTimeOffset at)
    {
        var plan = new BusinessPlan { NetworkId = networkId, ProgrammeId = programmeId, Title = title, Objectives = objectives, Status = PlanStatus.Draft };
        plan.History.Add(plan.Step(null, PlanStatus.Draft, by, at, null));
        return plan;
    }

    public Refusal? Submit(ICurrentUser by, DateTimeOffset at, string? comment) => Take(PlanStatus.Submitted, by, at, comment);

    /// <summary>
    /// A supervisor's approval on the tenant's own programme: the step, then the programme's rules, which commit its
    /// funds. The caller holds the programme's row lock.
    /// </summary>
    public Refusal? Approve(Programme programme, ICurrentUser by, DateTimeOffset at, string? comment) =>
        Transitions.Check(Status, PlanStatus.Approved)
        ?? programme.Commit(TotalPen, ProgrammeFundsPen, NetworkContributionPen)
        ?? Take(PlanStatus.Approved, by, at, comment);

    /// <summary>The national unit's approval: its review of this plan already applied the programme's rules and committed the funds.</summary>
    public Refusal? ApproveAsReviewed(ICurrentUser by, DateTimeOffset at, string? comment) => Take(PlanStatus.Approved, by, at, comment);

    public Refusal? Reject(ICurrentUser by, DateTimeOffset at, string reason) => Take(PlanStatus.Rejected, by, at, reason);

    public Refusal? Return(ICurrentUser by, DateTimeOffset at, string? comment) => Take(PlanStatus.Returned, by, at, comment);

    public Refusal? StartExecution(ICurrentUser by, DateTimeOffset at, string? comment) => Take(PlanStatus.InExecution, by, at, comment);

    public Refusal? Close(ICurrentUser by, DateTimeOffset at, string? comment) => Take(PlanStatus.Closed, by, at, comment);

    /// <summary>A tranche of the approved programme funds, never beyond them.</summary>
    public Refusal? Disburse(decimal amountPen)
    {
        if (!IsFunded)
            return Refusal.Conflict("status", $"Only approved plans receive disbursements; this one is {Status}. / Solo los planes aprobados reciben desembolsos; este está en {Status}.");
        if (DisbursedPen + amountPen > ProgrammeFundsPen)
            return Refusal.Unprocessable("amountPen",
                $"Only {ProgrammeFundsPen - DisbursedPen:0.00} of the approved programme funds remain to be disbursed. / " +
                $"Solo quedan {ProgrammeFundsPen - DisbursedPen:0.00} de los fondos aprobados por desembolsar.");
        DisbursedPen += amountPen;
        return null;
    }

    public Refusal? RefuseContribution() => IsFunded ? null : Refusal.Conflict("status",
        $"Contributions are recorded on approved plans; this one is {Status}. / Los aportes se registran en planes aprobados; este está en {Status}.");

    private Refusal? Take(PlanStatus to, ICurrentUser by, DateTimeOffset at, string? comment)
    {
        if (Transitions.Check(Status, to) is { } illegal) return illegal;
        History.Add(Step(Status, to, by, at, comment));
        Status = to;
        return null;
    }

    private PlanTransition Step(PlanStatus? from, PlanStatus to, ICurrentUser by, DateTimeOffset at, string? comment) =>
        new() { PlanId = Id, FromStatus = from, ToStatus = to, ActorId = by.Id, ActorName = by.Name, Comment = comment, At = at };

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
