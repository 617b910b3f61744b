using MassTransit;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Contracts.Reporting;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Networks.IntegrationEvents;

/// <summary>
/// Answers a Reporting rebuild with one tenant's current state (the consume filter runs it as the header's tenant, so
/// the database shows only that tenant's rows): producers, networks with their full current state, monitoring records.
/// Everything is queued in the outbox in the inbox's transaction, so a redelivered request queues nothing twice.
/// </summary>
public sealed class TenantStateRepublishConsumer(NetworksDb db, DniHasher dni) : IConsumer<TenantStateRepublishRequested>
{
    public async Task Consume(ConsumeContext<TenantStateRepublishRequested> context)
    {
        var tenantId = db.RequiredTenantId();
        var ct = context.CancellationToken;
        await QueueProducersAsync(tenantId, ct);
        await QueueNetworksAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Active producers go as ProducersImported batches of one registration month each (the month is all Reporting takes
    /// from a registration date), inactive ones as their registration followed by the change that deactivated them.
    /// </summary>
    private async Task QueueProducersAsync(Guid tenantId, CancellationToken ct)
    {
        var batches = new Dictionary<DateOnly, (DateTimeOffset At, List<ImportedProducer> Producers)>();
        await foreach (var producer in db.Producers.AsNoTracking().OrderBy(p => p.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!producer.IsActive)
            {
                db.AddIntegrationEvent(ProducerIntegrationEvents.Registered(producer, producer.CreatedAt, dni), producer.Id);
                db.AddIntegrationEvent(ProducerIntegrationEvents.Changed(producer, producer.UpdatedAt, dni), producer.Id);
                continue;
            }
            var month = producer.CreatedAt.PeruDate().FirstOfMonth();
            if (!batches.TryGetValue(month, out var batch)) batches[month] = batch = (producer.CreatedAt, []);
            batch.Producers.Add(ProducerIntegrationEvents.Imported(producer, dni));
            if (batch.Producers.Count == ProducersImported.MaxProducers) Flush(month);
        }
        foreach (var month in batches.Keys.ToList()) Flush(month);

        void Flush(DateOnly month)
        {
            var (at, producers) = batches[month];
            batches.Remove(month);
            var importId = Guid.CreateVersion7();
            db.AddIntegrationEvent(new ProducersImported(tenantId, importId, producers, at), importId);
        }
    }

    private async Task QueueNetworksAsync(CancellationToken ct)
    {
        var members = await db.Memberships.Where(m => m.LeftOn == null)
            .Join(db.Producers, m => m.ProducerId, p => p.Id, (m, p) => new { m.NetworkId, p.Gender })
            .GroupBy(m => m.NetworkId)
            .Select(g => new { NetworkId = g.Key, Members = g.Count(), Women = g.Count(m => m.Gender == Gender.Female) })
            .ToDictionaryAsync(g => g.NetworkId, g => new MemberCounts(g.Members, g.Women), ct);
        var records = (await db.MonitoringRecords.AsNoTracking().OrderBy(r => r.Period).ToListAsync(ct)).ToLookup(r => r.NetworkId);

        foreach (var network in await db.Networks.AsNoTracking().OrderBy(n => n.Id).ToListAsync(ct))
        {
            var counts = members.GetValueOrDefault(network.Id, new MemberCounts(0, 0));
            db.AddIntegrationEvent(NetworkIntegrationEvents.Formed(network, counts), network.Id);

            // Each record's income change is against the first record, as of its own period: what it was when recorded in order.
            var incomes = new List<decimal>();
            foreach (var record in records[network.Id])
            {
                incomes.Add(record.AverageMemberNetIncomePen);
                db.AddIntegrationEvent(MonitoringIntegrationEvents.Recorded(network, record, incomes, counts.Members), network.Id);
            }
        }
    }
}
