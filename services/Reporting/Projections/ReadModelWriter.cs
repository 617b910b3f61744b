using MassTransit;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Infrastructure;

namespace RedesPlataforma.Reporting.Projections;

/// <summary>
/// How every consumer applies a message: inside the inbox's transaction and as the message's tenant (header), it takes
/// a transaction-scoped advisory lock on the entity the message is about, loads and changes entity rows (upserts by
/// id, so a replayed snapshot changes nothing), then saves them and moves the cells by the difference. The lock
/// serialises messages about one entity across consumers and replicas; facts that hang off a network (plans,
/// disbursements, contributions, monitoring) lock their network, because a phase change moves them all.
/// </summary>
public sealed class ReadModelWriter(ReportingDb db, CellCatalog catalog)
{
    public ReportingDb Db => db;

    public Task ApplyAsync(ConsumeContext context, Guid? messageTenant, Guid lockedEntity, Func<CellChange, Task> apply) =>
        ApplyAsync(context, messageTenant, [lockedEntity], apply);

    /// <summary>A message about many entities (a bulk import) locks them all, in key order so two such messages cannot deadlock.</summary>
    public async Task ApplyAsync(ConsumeContext context, Guid? messageTenant, IReadOnlyCollection<Guid> lockedEntities, Func<CellChange, Task> apply)
    {
        if (messageTenant != db.CurrentTenantId)
            throw new TenantMismatchException($"Message {context.MessageId} names tenant {messageTenant} but its header says {db.CurrentTenantId}.");
        await db.LockForTransactionAsync(lockedEntities, context.CancellationToken);
        var change = new CellChange();
        await apply(change);
        await db.SaveChangesAsync(context.CancellationToken);
        await change.WriteAsync(db, catalog, context.CancellationToken);
    }

    /// <summary>A row the caller just created, added to the context and counted from nothing.</summary>
    public T Add<T>(CellChange change, T created) where T : class, ICellSource
    {
        db.Set<T>().Add(created);
        return change.TrackNew(created);
    }

    /// <summary>The row with this key, or a new one added to the context: the caller fills it and the change counts it from nothing.</summary>
    public async Task<T> FindOrAddAsync<T>(CellChange change, object[] key, Func<T> create, CancellationToken ct) where T : class, ICellSource
    {
        if (await db.Set<T>().FindAsync(key, ct) is { } existing) return change.Track(existing);
        return Add(change, create());
    }
}
