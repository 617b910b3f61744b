using MassTransit;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Contracts.Reporting;
using RedesPlataforma.Financing.Infrastructure;
using RedesPlataforma.Financing.Networks;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Financing.Programmes;

namespace RedesPlataforma.Financing.IntegrationEvents;

/// <summary>
/// Answers a Reporting rebuild with the Financing service's current state. The national request brings the national
/// programmes (no tenant); each tenant's request, run as that tenant by the consume filter, brings its own programmes,
/// its plans as the event of their current status, and every disbursement and contribution. Everything is queued in
/// the outbox in the inbox's transaction, so a redelivered request queues nothing twice.
/// </summary>
public sealed class RebuildConsumer(FinancingDb db) : IConsumer<ReadModelRebuildRequested>, IConsumer<TenantStateRepublishRequested>
{
    public async Task Consume(ConsumeContext<ReadModelRebuildRequested> context)
    {
        await QueueProgrammesAsync(null, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<TenantStateRepublishRequested> context)
    {
        var tenantId = db.RequiredTenantId();
        var ct = context.CancellationToken;
        await QueueProgrammesAsync(tenantId, ct);
        await QueuePlansAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task QueueProgrammesAsync(Guid? ownerTenantId, CancellationToken ct)
    {
        foreach (var programme in await db.Programmes.AsNoTracking().Where(p => p.OwnerTenantId == ownerTenantId).OrderBy(p => p.Id).ToListAsync(ct))
            db.AddIntegrationEvent(ProgrammeIntegrationEvents.Published(programme, programme.CreatedAt), programme.Id);
    }

    /// <summary>
    /// A plan goes as the event its status last published: drafts published nothing, a returned plan was last
    /// submitted, and one in execution or closed was approved (its approval month comes from the approving step).
    /// </summary>
    private async Task QueuePlansAsync(CancellationToken ct)
    {
        var networks = await db.Networks.AsNoTracking().ToDictionaryAsync(n => n.Id, ct);
        var plans = await db.Plans.AsNoTracking().Where(p => p.Status != PlanStatus.Draft)
            .Include(p => p.History).Include(p => p.Disbursements).Include(p => p.Contributions).AsSplitQuery()
            .OrderBy(p => p.Id).ToListAsync(ct);
        foreach (var plan in plans)
        {
            var network = networks.GetValueOrDefault(plan.NetworkId) ?? new FundableNetwork { Id = plan.NetworkId };
            PlanTransition? last(PlanStatus status) => plan.History.Where(t => t.ToStatus == status).OrderBy(t => t.At).LastOrDefault();
            switch (plan.Status)
            {
                case PlanStatus.Submitted or PlanStatus.Returned:
                    db.AddIntegrationEvent(PlanIntegrationEvents.Submitted(plan, network, last(PlanStatus.Submitted)?.At ?? plan.UpdatedAt), plan.Id);
                    break;
                case PlanStatus.Rejected:
                    db.AddIntegrationEvent(PlanIntegrationEvents.Rejected(plan, network, last(PlanStatus.Rejected)?.Comment ?? "",
                        last(PlanStatus.Rejected)?.At ?? plan.UpdatedAt), plan.Id);
                    break;
                default:
                    db.AddIntegrationEvent(PlanIntegrationEvents.Approved(plan, network, last(PlanStatus.Approved)?.At ?? plan.UpdatedAt), plan.Id);
                    break;
            }

            var disbursed = 0m;
            foreach (var disbursement in plan.Disbursements.OrderBy(d => d.RecordedAt))
            {
                disbursed += disbursement.AmountPen;
                db.AddIntegrationEvent(PlanIntegrationEvents.Disbursed(plan, network, disbursement, disbursed), plan.Id);
            }
            foreach (var contribution in plan.Contributions.OrderBy(c => c.RecordedAt))
                db.AddIntegrationEvent(PlanIntegrationEvents.Contributed(plan, network, contribution), plan.Id);
        }
    }
}
