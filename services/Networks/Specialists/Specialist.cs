using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.Networks.Specialists;

/// <summary>
/// This service's copy of a tenant's staff member, kept from the Tenants service's StaffMember* and SpecialistTrained
/// events. Networks can only be assigned to an active specialist of the same tenant.
/// </summary>
public sealed class Specialist : ITenantOwned
{
    public Guid Id { get; init; }
    public Guid TenantId { get; set; }
    public required string FullName { get; set; }
    public List<string> Roles { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    public bool IsActive { get; set; } = true;
    public bool IsTrained { get; set; }

    /// <summary>When the newest event applied happened; older events arriving late are ignored.</summary>
    public DateTimeOffset LastEventAt { get; set; }

    public bool CanLeadNetworks => IsActive && Roles.Contains(BuildingBlocks.Security.PlatformRoles.Specialist);
}
