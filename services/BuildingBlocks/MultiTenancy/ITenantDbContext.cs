namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>
/// A DbContext that holds tenant-owned data. The tenant is fixed when the context is created;
/// the query filter reads this member so EF parameterises it per context instead of caching a value.
/// </summary>
public interface ITenantDbContext
{
    Guid? CurrentTenantId { get; }
}
