using MassTransit;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Financing.Infrastructure;

namespace RedesPlataforma.Financing.Networks;

/// <summary>
/// Keeps <see cref="FundableNetwork"/> rows in step with the Networks service. Runs as the message's tenant (header)
/// inside the inbox transaction, so a redelivery changes nothing. Events carry dates, not instants: a fact dated before
/// the last one applied of its kind is ignored (same date applies, as the later message), so a late
/// NetworkPhaseAdvanced cannot move a network back.
/// </summary>
public sealed class NetworkProjection(FinancingDb db) :
    IConsumer<NetworkFormed>, IConsumer<NetworkPhaseAdvanced>, IConsumer<NetworkMembershipChanged>, IConsumer<NetworkSpecialistReassigned>
{
    public async Task Consume(ConsumeContext<NetworkFormed> context)
    {
        var m = context.Message;
        var network = await FindOrCreateAsync(m.NetworkId, context.CancellationToken);
        network.IsFormed = true;
        network.ValueChainCode = m.ValueChain;
        network.RegionCode = m.RegionCode;
        if (network.SpecialistOn == DateOnly.MinValue) (network.SpecialistId, network.SpecialistOn) = (m.SpecialistId, m.FormedOn);
        if (network.PhaseOn == DateOnly.MinValue) (network.Phase, network.PhaseOn) = (m.Phase, m.FormedOn);
        if (network.MembersOn == DateOnly.MinValue) (network.MemberCount, network.MembersOn) = (m.MemberCount, m.FormedOn);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<NetworkPhaseAdvanced> context)
    {
        var m = context.Message;
        var network = await FindOrCreateAsync(m.NetworkId, context.CancellationToken);
        network.ValueChainCode = m.ValueChain;
        network.RegionCode = m.RegionCode;
        if (m.On >= network.PhaseOn) (network.Phase, network.PhaseOn) = (m.ToPhase, m.On);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<NetworkMembershipChanged> context)
    {
        var m = context.Message;
        var network = await FindOrCreateAsync(m.NetworkId, context.CancellationToken);
        if (m.On >= network.MembersOn) (network.MemberCount, network.MembersOn) = (m.MemberCount, m.On);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>The new specialist is the one who may draft and submit the network's plans from now on.</summary>
    public async Task Consume(ConsumeContext<NetworkSpecialistReassigned> context)
    {
        var m = context.Message;
        var network = await FindOrCreateAsync(m.NetworkId, context.CancellationToken);
        if (m.On >= network.SpecialistOn) (network.SpecialistId, network.SpecialistOn) = (m.ToSpecialistId, m.On);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>Messages about one network may be consumed at the same time (formation and a phase change): the lock makes
    /// the second wait for the first's row instead of inserting it again.</summary>
    private async Task<FundableNetwork> FindOrCreateAsync(Guid networkId, CancellationToken ct)
    {
        await db.LockForTransactionAsync(networkId, ct);
        if (await db.Networks.SingleOrDefaultAsync(n => n.Id == networkId, ct) is { } existing) return existing;
        var created = new FundableNetwork { Id = networkId };
        db.Networks.Add(created);
        return created;
    }
}

public static class NetworkConsumers
{
    public static void AddNetworkConsumers(this IBusRegistrationConfigurator bus) => bus.AddConsumer<NetworkProjection>();
}
