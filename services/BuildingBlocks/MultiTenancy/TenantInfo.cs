namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>The tenant a piece of work runs for. Shaped like Finbuckle's ITenantInfo so the package can replace ours.</summary>
public sealed record TenantInfo(Guid Id, string Identifier, string Name);
