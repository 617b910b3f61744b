using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>
/// Stamps new tenant-owned rows with the context's tenant and refuses writes without a tenant or across tenants.
/// The database's row-level security would refuse them too; failing here gives a clear error before any SQL runs.
/// </summary>
public sealed class TenantSaveChangesInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Enforce(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Enforce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Enforce(DbContext? context)
    {
        if (context is not ITenantDbContext tenantContext) return;

        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;

            var tenantId = tenantContext.CurrentTenantId
                ?? throw new TenantMismatchException($"Cannot write {entry.Metadata.DisplayName()} without a current tenant.");

            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
                entry.Entity.TenantId = tenantId;
            else if (entry.Entity.TenantId != tenantId || (entry.State == EntityState.Modified && entry.Property(e => e.TenantId).IsModified))
                throw new TenantMismatchException($"{entry.Metadata.DisplayName()} belongs to another tenant than the current one.");
        }
    }
}
