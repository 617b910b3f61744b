namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>The tenant a piece of work runs for. Shaped like Finbuckle's ITenantInfo so the package can replace ours.</summary>
public sealed record TenantInfo(Guid Id, string Identifier, string Name)
{
    /// <summary>
    /// For work that knows only the tenant's id (messages, hand-offs, the national unit acting on a tenant): the id
    /// stands in for the slug and name, which nothing in such work reads.
    /// </summary>
    public static TenantInfo ForId(Guid id) => new(id, id.ToString(), id.ToString());
}
