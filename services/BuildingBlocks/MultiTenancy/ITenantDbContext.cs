namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>
/// A DbContext that holds tenant-owned data. The tenant is fixed when the context is created;
/// the query filter reads this member so EF parameterises it per context instead of caching a value.
/// </summary>
public interface ITenantDbContext
{
    Guid? CurrentTenantId { get; }
}

public static class TenantDbContextExtensions
{
    /// <summary>The tenant of work that only runs in a tenant's scope (a tenant's request, a consumer the tenant filter ran as one).</summary>
    public static Guid RequiredTenantId(this ITenantDbContext db) =>
        db.CurrentTenantId ?? throw new InvalidOperationException("This runs in a tenant's scope, and none is set.");
}
