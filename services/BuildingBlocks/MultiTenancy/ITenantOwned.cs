namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>Marks an entity whose rows belong to one tenant: it gets the tenant column, filter and row-level security.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
