using MassTransit;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Reporting.Projections;

namespace RedesPlataforma.Reporting.Producers;

/// <summary>Producers from the Networks service's producer events, which carry the producer's whole reportable state.</summary>
public sealed class ProducerProjection(ReadModelWriter writer) : IConsumer<ProducerRegistered>, IConsumer<ProducerChanged>
{
    public Task Consume(ConsumeContext<ProducerRegistered> context)
    {
        var m = context.Message;
        return ApplyAsync(context, m.TenantId, m.ProducerId, m.RegisteredAt, registration: true,
            producer => Set(producer, m.RegionCode, m.Gender, m.BirthYear, isActive: true));
    }

    public Task Consume(ConsumeContext<ProducerChanged> context)
    {
        var m = context.Message;
        return ApplyAsync(context, m.TenantId, m.ProducerId, m.ChangedAt, registration: false,
            producer => Set(producer, m.RegionCode, m.Gender, m.BirthYear, m.IsActive));
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

    private static void Set(Producer producer, string regionCode, string gender, int birthYear, bool isActive)
    {
        producer.RegionCode = regionCode;
        producer.Gender = gender;
        producer.BirthYear = birthYear;
        producer.IsActive = isActive;
    }
}
