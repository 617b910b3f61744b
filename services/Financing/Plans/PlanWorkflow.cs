using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Contracts.Financing;
using RedesPlataforma.Financing.Infrastructure;
using RedesPlataforma.Financing.Programmes;

namespace RedesPlataforma.Financing.Plans;

/// <summary>
/// The steps of a plan's workflow that a tenant's supervisor and the national unit take alike: the programme's
/// approval rules, the move with its history entry, the events, and a disbursement. Callers hold the transaction and
/// the programme's row lock; these steps only change the plan's tenant's rows through the context they are given.
/// </summary>
static class PlanWorkflow
{
    public static Task<BusinessPlan?> LoadAsync(this FinancingDb db, Guid id, CancellationToken ct) =>
        db.Plans.Include(p => p.Lines).Include(p => p.History).Include(p => p.Disbursements).Include(p => p.Contributions)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>
    /// Locks the programme's row for the rest of the transaction, then reads it fresh, so two approvals racing for the
    /// last of a budget run one after the other and the second sees what the first committed.
    /// </summary>
    public static async Task<Programme> LockProgrammeAsync(this FinancingDb db, Guid programmeId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM programmes WHERE id = {programmeId} FOR UPDATE", ct);
        return await db.Programmes.SingleAsync(p => p.Id == programmeId, ct);
    }

    /// <summary>The programme's rules, compared on exact amounts: share = (cash + in kind) / total ≥ the minimum.</summary>
    public static Refusal? ApprovalRefusal(Programme programme, decimal totalPen, decimal programmeFundsPen, decimal contributionPen)
    {
        if (programme.IsClosed) return Closed();
        if (totalPen <= 0 || contributionPen < programme.MinNetworkContributionShare * totalPen)
            return Refusal.Unprocessable("networkContributionShare",
                $"The network contributes {contributionPen:0.00} of {totalPen:0.00}; the programme asks for at least {programme.MinNetworkContributionShare:P2}. / " +
                $"La red aporta {contributionPen:0.00} de {totalPen:0.00}; el programa exige al menos {programme.MinNetworkContributionShare:P2}.");
        if (programmeFundsPen > programme.MaxProgrammeFundsPerPlanPen)
            return Refusal.Unprocessable("programmeFundsPen",
                $"The programme co-finances at most {programme.MaxProgrammeFundsPerPlanPen:0.00} per plan. / El programa cofinancia como máximo {programme.MaxProgrammeFundsPerPlanPen:0.00} por plan.");
        if (programmeFundsPen > programme.RemainingPen)
            return Refusal.Conflict("programmeFundsPen",
                $"The programme has {programme.RemainingPen:0.00} left to commit. / Al programa le quedan {programme.RemainingPen:0.00} por comprometer.");
        return null;
    }

    public static Refusal Closed() => Refusal.Conflict("programmeId",
        "The programme is closed: it takes no new plans or approvals. / El programa está cerrado: no admite planes ni aprobaciones nuevas.");

    public static void Move(this FinancingDb db, BusinessPlan plan, PlanStatus to, ICurrentUser actor, TimeProvider clock, string? comment)
    {
        db.Transitions.Add(Transition(plan, plan.Status, to, actor, clock, comment));
        plan.Status = to;
        db.Touch(plan);
    }

    public static PlanTransition Transition(BusinessPlan plan, PlanStatus? from, PlanStatus to, ICurrentUser actor, TimeProvider clock, string? comment) =>
        new() { PlanId = plan.Id, FromStatus = from, ToStatus = to, ActorId = actor.Id, ActorName = actor.Name, Comment = comment, At = clock.GetUtcNow() };

    /// <summary>Approves a submitted plan whose programme's rules were checked (and budget committed) by the caller.</summary>
    public static async Task ApproveAsync(this FinancingDb db, BusinessPlan plan, ICurrentUser actor, TimeProvider clock, string? comment, CancellationToken ct)
    {
        db.Move(plan, PlanStatus.Approved, actor, clock, comment);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == plan.NetworkId, ct);
        db.AddIntegrationEvent(new BusinessPlanApproved(plan.TenantId, plan.Id, plan.ProgrammeId, plan.NetworkId, network.ValueChainCode,
            network.RegionCode, plan.ProgrammeFundsPen, plan.NetworkCashPen, plan.NetworkInKindPen, plan.TotalPen, clock.GetUtcNow()), plan.Id);
    }

    public static async Task RejectAsync(this FinancingDb db, BusinessPlan plan, ICurrentUser actor, TimeProvider clock, string reason, CancellationToken ct)
    {
        db.Move(plan, PlanStatus.Rejected, actor, clock, reason);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == plan.NetworkId, ct);
        db.AddIntegrationEvent(new BusinessPlanRejected(plan.TenantId, plan.Id, plan.ProgrammeId, plan.NetworkId, network.ValueChainCode,
            network.RegionCode, plan.ProgrammeFundsPen, reason, clock.GetUtcNow()), plan.Id);
    }

    /// <summary>
    /// Records a tranche of programme funds on the plan, or says why not. The caller moves the programme's (and, for a
    /// national programme, the tenant's) disbursed total under the programme's row lock.
    /// </summary>
    public static async Task<Refusal?> DisburseAsync(
        this FinancingDb db, BusinessPlan plan, DisbursementRequest request, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        if (plan.Status is not (PlanStatus.Approved or PlanStatus.InExecution))
            return Refusal.Conflict("status", $"Only approved plans receive disbursements; this one is {plan.Status}. / Solo los planes aprobados reciben desembolsos; este está en {plan.Status}.");
        if (plan.DisbursedPen + request.AmountPen > plan.ProgrammeFundsPen)
            return Refusal.Unprocessable("amountPen",
                $"Only {plan.ProgrammeFundsPen - plan.DisbursedPen:0.00} of the approved programme funds remain to be disbursed. / " +
                $"Solo quedan {plan.ProgrammeFundsPen - plan.DisbursedPen:0.00} de los fondos aprobados por desembolsar.");

        var disbursement = new Disbursement
        {
            PlanId = plan.Id, On = request.On!.Value, AmountPen = request.AmountPen, Reference = request.Reference.Trim(),
            RecordedBy = actor.Id, RecordedAt = clock.GetUtcNow(),
        };
        db.Disbursements.Add(disbursement);
        plan.DisbursedPen += request.AmountPen;
        db.Touch(plan);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == plan.NetworkId, ct);
        db.AddIntegrationEvent(new DisbursementMade(plan.TenantId, plan.Id, plan.ProgrammeId, plan.NetworkId, network.ValueChainCode,
            network.RegionCode, disbursement.Id, disbursement.AmountPen, plan.DisbursedPen, disbursement.On), plan.Id);
        return null;
    }

    public static Refusal Illegal(BusinessPlan plan, PlanStatus to) => Refusal.Conflict("status",
        $"A plan cannot go from {plan.Status} to {to}. / Un plan no puede pasar de {plan.Status} a {to}.");

    /// <summary>
    /// Marks the plan row as changed, so the save checks its version (xmin) and stamps who changed it: two actions
    /// racing on one plan (a transition, a disbursement, a contribution) then conflict instead of both committing.
    /// </summary>
    public static void Touch(this FinancingDb db, BusinessPlan plan) =>
        db.Entry(plan).Property(p => p.UpdatedAt).IsModified = true;
}
