using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.BuildingBlocks.Messaging;

public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues an integration event in the context's outbox: it is saved, and later published, only if the
    /// same SaveChanges commits. The context's tenant travels with it as the TenantId header.
    /// </summary>
    public static void AddIntegrationEvent<TEvent>(this DbContext db, TEvent integrationEvent, object aggregateId) where TEvent : class =>
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            TenantId = (db as ITenantDbContext)?.CurrentTenantId,
            AggregateId = aggregateId.ToString()!,
            MessageType = TypeName(typeof(TEvent)),
            Body = JsonSerializer.Serialize(integrationEvent, Json),
        });

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
