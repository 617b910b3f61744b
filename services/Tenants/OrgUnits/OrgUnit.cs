using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Tenants.OrgUnits;

public enum OrgUnitKind { DireccionZonal, AgenciaZonal, Sede }

/// <summary>A zonal directorate, zonal agency or head office of the institution, in one region.</summary>
public sealed class OrgUnit : AuditedEntity, ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public OrgUnitKind Kind { get; set; }
    public required string RegionCode { get; set; }
    public Guid? ParentId { get; set; }

}
