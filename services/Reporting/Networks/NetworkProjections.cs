using MassTransit;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Projections;

namespace RedesPlataforma.Reporting.Networks;

/// <summary>
/// Networks from the Networks service's network events. NetworkFormed carries every part of the state, the others one
/// part each; a part is set only by a message newer than the one that set it last, so a late NetworkFormed (or a
/// rebuild's snapshot, which is newer than everything) cannot undo a phase advance it did not know about.
/// </summary>
public sealed class NetworkProjection(ReadModelWriter writer) :
    IConsumer<NetworkFormed>, IConsumer<NetworkPhaseAdvanced>, IConsumer<NetworkLeaderChanged>, IConsumer<NetworkMembershipChanged>
{
    public Task Consume(ConsumeContext<NetworkFormed> context)
    {
        var m = context.Message;
        return ApplyAsync(context, m.TenantId, m.NetworkId, async (change, network, sequence) =>
        {
            if (network.FormedSequence.Admits(sequence))
            {
                (network.IsFormed, network.RegionCode, network.ValueChain) = (true, m.RegionCode, m.ValueChain);
                network.FormedSequence = network.FormedSequence.Then(sequence);
            }
            await PhaseAsync(change, network, m.Phase, sequence, context.CancellationToken);
            Leader(network, m.WomenLed, sequence);
            Membership(network, m.MemberCount, m.FemaleMemberCount, sequence);
        });
    }

    public Task Consume(ConsumeContext<NetworkPhaseAdvanced> context) =>
        ApplyAsync(context, context.Message.TenantId, context.Message.NetworkId,
            (change, network, sequence) => PhaseAsync(change, network, context.Message.ToPhase, sequence, context.CancellationToken));

    public Task Consume(ConsumeContext<NetworkLeaderChanged> context) =>
        ApplyAsync(context, context.Message.TenantId, context.Message.NetworkId, (_, network, sequence) =>
        {
            Leader(network, context.Message.WomenLed, sequence);
            return Task.CompletedTask;
        });

    public Task Consume(ConsumeContext<NetworkMembershipChanged> context) =>
        ApplyAsync(context, context.Message.TenantId, context.Message.NetworkId, (_, network, sequence) =>
        {
            Membership(network, context.Message.MemberCount, context.Message.FemaleMemberCount, sequence);
            return Task.CompletedTask;
        });

    private Task ApplyAsync(ConsumeContext context, Guid tenantId, Guid networkId, Func<CellChange, Network, long?, Task> apply) =>
        writer.ApplyAsync(context, tenantId, networkId, async change =>
            await apply(change, await writer.NetworkAsync(change, tenantId, networkId, context.CancellationToken), context.OutboxSequence()));

    private async Task PhaseAsync(CellChange change, Network network, int phase, long? sequence, CancellationToken ct)
    {
        if (!network.PhaseSequence.Admits(sequence)) return;
        await writer.MoveToPhaseAsync(change, network, phase, ct);
        network.PhaseSequence = network.PhaseSequence.Then(sequence);
    }

    private static void Leader(Network network, bool womenLed, long? sequence)
    {
        if (!network.LeaderSequence.Admits(sequence)) return;
        network.WomenLed = womenLed;
        network.LeaderSequence = network.LeaderSequence.Then(sequence);
    }

    private static void Membership(Network network, int members, int femaleMembers, long? sequence)
    {
        if (!network.MembersSequence.Admits(sequence)) return;
        (network.Members, network.FemaleMembers) = (members, femaleMembers);
        network.MembersSequence = network.MembersSequence.Then(sequence);
    }
}

/// <summary>Monthly monitoring records; a network's first record makes it one the monitoring figures are built from.</summary>
public sealed class MonitoringProjection(ReadModelWriter writer) : IConsumer<MonitoringRecorded>
{
    public Task Consume(ConsumeContext<MonitoringRecorded> context)
    {
        var m = context.Message;
        return writer.ApplyAsync(context, m.TenantId, m.NetworkId, async change =>
        {
            var network = await writer.NetworkAsync(change, m.TenantId, m.NetworkId, context.CancellationToken);
            var created = false;
            var record = await writer.FindOrAddAsync(change, [m.TenantId, m.NetworkId, m.Period], () =>
            {
                created = true;
                return new MonitoringRecord { TenantId = m.TenantId, NetworkId = m.NetworkId, Period = m.Period, Phase = network.FactPhase };
            }, context.CancellationToken);
            if (created) network.MonitoringRecords++;
            var sequence = context.OutboxSequence();
            if (!record.Sequence.Admits(sequence)) return;
            (record.RegionCode, record.ValueChain, record.Sales) = (m.RegionCode, m.ValueChain, m.SalesPen);
            (record.AverageMemberNetIncome, record.IncomeChangePercent) = (m.AverageMemberNetIncomePen, m.IncomeChangePercent);
            record.Sequence = record.Sequence.Then(sequence);
        });
    }
}
