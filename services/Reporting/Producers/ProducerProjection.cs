using MassTransit;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Reporting.Projections;

namespace RedesPlataforma.Reporting.Producers;

/// <summary>Producers from the Networks service's producer events, which carry the producer's whole reportable state.</summary>
public sealed class ProducerProjection(ReadModelWriter writer)
    : IConsumer<ProducerRegistered>, IConsumer<ProducerChanged>, IConsumer<ProducerErased>, IConsumer<ProducersImported>
{
    public Task Consume(ConsumeContext<ProducerRegistered> context)
    {
        var m = context.Message;
        return ApplyAsync(context, m.TenantId, m.ProducerId, m.RegisteredAt, registration: true,
            producer => Set(producer, m.RegionCode, m.Gender, m.BirthYear, isActive: true, m.DniHash));
    }

    public Task Consume(ConsumeContext<ProducerChanged> context)
    {
        var m = context.Message;
        return ApplyAsync(context, m.TenantId, m.ProducerId, m.ChangedAt, registration: false,
            producer => Set(producer, m.RegionCode, m.Gender, m.BirthYear, m.IsActive, m.DniHash));
    }

    /// <summary>
    /// The producer became an anonymous member: every cell but their person cell is unchanged, and that moves from the
    /// DNI's hash to the producer's own anonymous key (docs/decisions/0028).
    /// </summary>
    public Task Consume(ConsumeContext<ProducerErased> context)
    {
        var m = context.Message;
        return ApplyAsync(context, m.TenantId, m.ProducerId, m.ErasedAt, registration: false,
            producer => Set(producer, m.RegionCode, m.Gender, m.BirthYear, m.IsActive, m.DniHash));
    }

    /// <summary>Up to a thousand registrations at once: one query loads those already known, every producer is locked.</summary>
    public Task Consume(ConsumeContext<ProducersImported> context)
    {
        var m = context.Message;
        var ids = m.Producers.Select(p => p.ProducerId).ToList();
        return writer.ApplyAsync(context, m.TenantId, ids, async change =>
        {
            var month = m.RegisteredAt.PeruDate().FirstOfMonth();
            var sequence = context.OutboxSequence();
            var known = await writer.Db.Producers.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, context.CancellationToken);
            foreach (var imported in m.Producers)
            {
                var producer = known.TryGetValue(imported.ProducerId, out var existing) ? change.Track(existing)
                    : writer.Add(change, new Producer { Id = imported.ProducerId, TenantId = m.TenantId });
                producer.RegisteredMonth = month;
                if (!producer.Sequence.Admits(sequence)) continue;
                Set(producer, imported.RegionCode, imported.Gender, imported.BirthYear, isActive: true, imported.DniHash);
                producer.Sequence = producer.Sequence.Then(sequence);
            }
        });
    }

    private Task ApplyAsync(ConsumeContext context, Guid tenantId, Guid producerId, DateTimeOffset at, bool registration, Action<Producer> apply) =>
        writer.ApplyAsync(context, tenantId, producerId, async change =>
        {
            var month = at.PeruDate().FirstOfMonth();
            var producer = await writer.FindOrAddAsync(change, [producerId],
                () => new Producer { Id = producerId, TenantId = tenantId, RegisteredMonth = month }, context.CancellationToken);
            // The registration month is a fact no later change alters, so it applies whatever the order.
            if (registration) producer.RegisteredMonth = month;
            var sequence = context.OutboxSequence();
            if (!producer.Sequence.Admits(sequence)) return;
            apply(producer);
            producer.Sequence = producer.Sequence.Then(sequence);
        });

    private static void Set(Producer producer, string regionCode, string gender, int birthYear, bool isActive, string? dniHash)
    {
        producer.DniHash = dniHash;
        producer.RegionCode = regionCode;
        producer.Gender = gender;
        producer.BirthYear = birthYear;
        producer.IsActive = isActive;
    }
}
