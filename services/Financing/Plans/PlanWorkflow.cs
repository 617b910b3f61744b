using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Financing.Infrastructure;
using RedesPlataforma.Financing.Networks;
using RedesPlataforma.Financing.Programmes;

namespace RedesPlataforma.Financing.Plans;

/// <summary>
/// What a tenant's supervisor and the national unit do alike around a plan's own rules: load and lock, save a step with
/// its history entry and its event, and record a disbursement. Callers hold the transaction and the programme's row
/// lock; these steps only change the plan's tenant's rows through the context they are given.
/// </summary>
static class PlanWorkflow
{
    public static Task<BusinessPlan?> LoadAsync(this FinancingDb db, Guid id, CancellationToken ct) =>
        db.Plans.Include(p => p.Lines).Include(p => p.History).Include(p => p.Disbursements).Include(p => p.Contributions)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);

    public static Task<FundableNetwork> NetworkOfAsync(this FinancingDb db, BusinessPlan plan, CancellationToken ct) =>
        db.Networks.AsNoTracking().SingleAsync(n => n.Id == plan.NetworkId, ct);

    /// <summary>
    /// Locks the programme's row for the rest of the transaction, then reads it fresh, so two approvals racing for the
    /// last of a budget run one after the other and the second sees what the first committed.
    /// </summary>
    public static async Task<Programme> LockProgrammeAsync(this FinancingDb db, Guid programmeId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM programmes WHERE id = {programmeId} FOR UPDATE", ct);
        return await db.Programmes.SingleAsync(p => p.Id == programmeId, ct);
    }

    /// <summary>
    /// Saves the steps the plan took with the next SaveChanges. Its new history entries (no tenant yet: the save stamps
    /// it) are added before anything asks EF to detect changes: found through <see cref="BusinessPlan.History"/> first,
    /// an entry whose id is already set would be taken for an existing row.
    /// </summary>
    public static void Track(this FinancingDb db, BusinessPlan plan)
    {
        foreach (var step in plan.History.Where(s => s.TenantId == Guid.Empty).ToList()) db.Transitions.Add(step);
        db.Touch(plan);
    }

    /// <summary>Saves the plan's step (<see cref="Track(FinancingDb, BusinessPlan)"/>) and queues the event it publishes.</summary>
    public static void Track<TEvent>(this FinancingDb db, BusinessPlan plan, TEvent published) where TEvent : class
    {
        db.Track(plan);
        db.AddIntegrationEvent(published, plan.Id);
    }

    /// <summary>
    /// Records a tranche of programme funds on the plan, or says why not. The caller moves the programme's (and, for a
    /// national programme, the tenant's) disbursed total under the programme's row lock.
    /// </summary>
    public static async Task<Refusal?> DisburseAsync(
        this FinancingDb db, BusinessPlan plan, DisbursementRequest request, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        if (plan.Disburse(request.AmountPen) is { } refusal) return refusal;
        var disbursement = new Disbursement
        {
            PlanId = plan.Id, On = request.On!.Value, AmountPen = request.AmountPen, Reference = request.Reference.Trim(),
            RecordedBy = actor.Id, RecordedAt = clock.GetUtcNow(),
        };
        db.Disbursements.Add(disbursement);
        db.Track(plan, PlanIntegrationEvents.Disbursed(plan, await db.NetworkOfAsync(plan, ct), disbursement, plan.DisbursedPen));
        return null;
    }

    /// <summary>
    /// Marks the plan row as changed, so the save checks its version (xmin) and stamps who changed it: two actions
    /// racing on one plan (a transition, a disbursement, a contribution) then conflict instead of both committing.
    /// </summary>
    public static void Touch(this FinancingDb db, BusinessPlan plan) =>
        db.Entry(plan).Property(p => p.UpdatedAt).IsModified = true;
}
