using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>
/// Lets platform work (no tenant: the national unit) change one tenant's rows inside the platform's own transaction,
/// so both sides commit or roll back together. The tenant's part runs on a DbContext created in a
/// <see cref="TenantScope"/> (its filter, SaveChanges check and outbox header all say that tenant) that shares the
/// platform context's open connection and transaction; <c>app.tenant_id</c> is switched with a transaction-local
/// <c>set_config</c>, so row-level security sees the tenant for that part only and no pooled connection keeps it.
/// The tenant id must come from the platform's own rows, never from a client.
/// </summary>
public static class TenantHandOff
{
    /// <summary>
    /// Runs <paramref name="work"/> as <paramref name="tenantId"/> inside <paramref name="platformDb"/>'s transaction,
    /// then switches the connection back to no tenant. If <paramref name="work"/> throws, the setting is left as it is:
    /// the caller's transaction is then rolled back, which also undoes a transaction-local setting.
    /// </summary>
    public static async Task<TResult> InTenantAsync<TDb, TResult>(
        this TDb platformDb, IServiceProvider services, Guid tenantId, Func<TDb, Task<TResult>> work, CancellationToken ct)
        where TDb : DbContext, ITenantDbContext
    {
        // A tenant acting in another tenant is exactly what isolation forbids; only the platform may hand off.
        if (platformDb.CurrentTenantId is not null)
            throw new TenantMismatchException("Only work without a tenant can act in a tenant.");
        var transaction = platformDb.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Acting in a tenant needs an open transaction, so both parts commit together.");

        await using var scope = TenantScope.Begin(services, TenantInfo.ForId(tenantId));
        var tenantDb = scope.Services.GetRequiredService<TDb>();
        // Not owned: disposing the tenant context leaves the platform's connection and transaction alone.
        tenantDb.Database.SetDbConnection(platformDb.Database.GetDbConnection(), contextOwnsConnection: false);
        await tenantDb.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);

        await SwitchAsync(platformDb, tenantId, ct);
        var result = await work(tenantDb);
        await SwitchAsync(platformDb, null, ct);
        return result;
    }

    private static Task SwitchAsync(DbContext db, Guid? tenantId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT set_config({TenantConnectionInterceptor.Setting}, {tenantId?.ToString() ?? string.Empty}, true)", ct);
}
