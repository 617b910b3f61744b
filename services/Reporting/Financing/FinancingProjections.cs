using MassTransit;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.Contracts.Financing;
using RedesPlataforma.Reporting.Networks;
using RedesPlataforma.Reporting.Projections;

namespace RedesPlataforma.Reporting.Financing;

/// <summary>
/// Programme names, national (published with no tenant) or a tenant's own, kept as of the newest published or changed
/// state: a redelivered or late message (an older outbox sequence) changes nothing.
/// </summary>
public sealed class ProgrammeProjection(ReadModelWriter writer) : IConsumer<ProgrammePublished>, IConsumer<ProgrammeChanged>
{
    public Task Consume(ConsumeContext<ProgrammePublished> context) =>
        ApplyAsync(context, context.Message.ProgrammeId, context.Message.OwnerTenantId, context.Message.Name, context.Message.Funder, context.Message.TotalBudgetPen);

    public Task Consume(ConsumeContext<ProgrammeChanged> context) =>
        ApplyAsync(context, context.Message.ProgrammeId, context.Message.OwnerTenantId, context.Message.Name, context.Message.Funder, context.Message.TotalBudgetPen);

    private Task ApplyAsync(ConsumeContext context, Guid programmeId, Guid? ownerTenantId, string name, string funder, decimal totalBudget) =>
        writer.ApplyAsync(context, ownerTenantId, programmeId, async change =>
        {
            var programme = await writer.FindOrAddAsync(change, [programmeId], () => new Programme { Id = programmeId }, context.CancellationToken);
            var sequence = context.OutboxSequence();
            if (!programme.Sequence.Admits(sequence)) return;
            (programme.OwnerTenantId, programme.Name, programme.Funder, programme.TotalBudget) = (ownerTenantId, name, funder, totalBudget);
            programme.Sequence = programme.Sequence.Then(sequence);
        });
}

/// <summary>
/// Plans, disbursements and executed contributions. Each runs under its network's lock: an approval changes whether
/// the network counts as financed, and every fact is counted at the network's current phase.
/// </summary>
public sealed class FinancingProjection(ReadModelWriter writer) :
    IConsumer<BusinessPlanSubmitted>, IConsumer<BusinessPlanApproved>, IConsumer<BusinessPlanRejected>,
    IConsumer<DisbursementMade>, IConsumer<ContributionRecorded>
{
    public Task Consume(ConsumeContext<BusinessPlanSubmitted> context)
    {
        var m = context.Message;
        return PlanAsync(context, m.TenantId, m.NetworkId, m.PlanId, plan =>
        {
            Place(plan, m.ProgrammeId, m.RegionCode, m.ValueChain);
            (plan.Status, plan.ProgrammeFunds, plan.NetworkCash, plan.NetworkInKind) = (PlanStatus.Submitted, m.ProgrammeFundsPen, m.NetworkCashPen, m.NetworkInKindPen);
        });
    }

    public Task Consume(ConsumeContext<BusinessPlanApproved> context)
    {
        var m = context.Message;
        return PlanAsync(context, m.TenantId, m.NetworkId, m.PlanId, plan =>
        {
            Place(plan, m.ProgrammeId, m.RegionCode, m.ValueChain);
            (plan.Status, plan.ProgrammeFunds, plan.NetworkCash, plan.NetworkInKind) = (PlanStatus.Approved, m.ProgrammeFundsPen, m.NetworkCashPen, m.NetworkInKindPen);
            plan.ApprovedMonth = m.ApprovedAt.PeruDate().FirstOfMonth();
        });
    }

    public Task Consume(ConsumeContext<BusinessPlanRejected> context)
    {
        var m = context.Message;
        return PlanAsync(context, m.TenantId, m.NetworkId, m.PlanId, plan =>
        {
            Place(plan, m.ProgrammeId, m.RegionCode, m.ValueChain);
            (plan.Status, plan.ProgrammeFunds) = (PlanStatus.Rejected, m.ProgrammeFundsPen);
        });
    }

    public Task Consume(ConsumeContext<DisbursementMade> context)
    {
        var m = context.Message;
        return MovementAsync(context, m.TenantId, m.NetworkId, m.DisbursementId, phase => new Disbursement
        {
            Id = m.DisbursementId, TenantId = m.TenantId, PlanId = m.PlanId, ProgrammeId = m.ProgrammeId, NetworkId = m.NetworkId,
            RegionCode = m.RegionCode, ValueChain = m.ValueChain, Phase = phase, Month = m.On.FirstOfMonth(), Amount = m.AmountPen,
        });
    }

    public Task Consume(ConsumeContext<ContributionRecorded> context)
    {
        var m = context.Message;
        return MovementAsync(context, m.TenantId, m.NetworkId, m.ContributionId, phase => new Contribution
        {
            Id = m.ContributionId, TenantId = m.TenantId, PlanId = m.PlanId, ProgrammeId = m.ProgrammeId, NetworkId = m.NetworkId,
            RegionCode = m.RegionCode, ValueChain = m.ValueChain, Phase = phase, Month = m.On.FirstOfMonth(), Cash = m.CashPen, InKind = m.InKindPen,
        });
    }

    private Task PlanAsync(ConsumeContext context, Guid tenantId, Guid networkId, Guid planId, Action<BusinessPlan> apply) =>
        writer.ApplyAsync(context, tenantId, networkId, async change =>
        {
            var network = await writer.NetworkAsync(change, tenantId, networkId, context.CancellationToken);
            var plan = await writer.FindOrAddAsync(change, [planId],
                () => new BusinessPlan { Id = planId, TenantId = tenantId, NetworkId = networkId, Phase = network.FactPhase }, context.CancellationToken);
            var sequence = context.OutboxSequence();
            if (!plan.Sequence.Admits(sequence)) return;
            var wasApproved = plan.Status == PlanStatus.Approved;
            apply(plan);
            network.ApprovedPlans += (plan.Status == PlanStatus.Approved ? 1 : 0) - (wasApproved ? 1 : 0);
            plan.Sequence = plan.Sequence.Then(sequence);
        });

    /// <summary>Disbursements and contributions are immutable facts: the first copy of one records it, any later copy changes nothing.</summary>
    private Task MovementAsync<T>(ConsumeContext context, Guid tenantId, Guid networkId, Guid id, Func<int, T> create) where T : PlanMovement =>
        writer.ApplyAsync(context, tenantId, networkId, async change =>
        {
            var network = await writer.NetworkAsync(change, tenantId, networkId, context.CancellationToken);
            await writer.FindOrAddAsync(change, [id], () => create(network.FactPhase), context.CancellationToken);
        });

    private static void Place(BusinessPlan plan, Guid programmeId, string regionCode, string valueChain) =>
        (plan.ProgrammeId, plan.RegionCode, plan.ValueChain) = (programmeId, regionCode, valueChain);
}
