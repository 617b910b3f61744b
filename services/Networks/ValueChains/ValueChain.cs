using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.Networks.ValueChains;

/// <summary>A value chain of the national catalogue (cuy, dairy, quinoa, ...), shared by all tenants.</summary>
public sealed class ValueChain
{
    public required string Code { get; init; }
    public required string NameEs { get; init; }
    public required string NameEn { get; init; }
}

/// <summary>A value chain a tenant added for itself; invisible to other tenants.</summary>
public sealed class TenantValueChain : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Code { get; init; }
    public required string NameEs { get; set; }
    public required string NameEn { get; set; }
}
