using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Tenants.Staff;

/// <summary>A tenant's staff profile, one per user of that tenant (same id as the user).</summary>
public sealed class StaffMember : AuditedEntity, ITenantOwned
{
    public Guid Id { get; init; }
    public Guid TenantId { get; set; }
    public required string FullName { get; set; }
    public required string Email { get; set; }
    public string? Dni { get; set; }
    public string? Phone { get; set; }
    public Guid? OrgUnitId { get; set; }
    public List<string> Regions { get; set; } = [];
    public SelectionCriteria Selection { get; set; } = new();
    public bool IsActive { get; private set; } = true;
    public DateTimeOffset? DeactivatedAt { get; private set; }
    public List<Training> Trainings { get; init; } = [];


    /// <summary>Trained in the methodology: at least one module passed.</summary>
    public bool IsTrained => Trainings.Any(t => t.Passed);

    public void Deactivate(DateTimeOffset at)
    {
        IsActive = false;
        DeactivatedAt = at;
    }

    public void Reactivate()
    {
        IsActive = true;
        DeactivatedAt = null;
    }
}

/// <summary>The three criteria a specialist is selected by, with the assessor's notes.</summary>
public sealed class SelectionCriteria
{
    /// <summary>The role fits the work the specialist does.</summary>
    public bool RoleFitsWork { get; set; }

    /// <summary>The specialist's territory matches the planned interventions.</summary>
    public bool TerritoryMatches { get; set; }

    /// <summary>Available for the responsibilities of accompanying networks.</summary>
    public bool AvailableForResponsibilities { get; set; }

    public string? Notes { get; set; }
    public DateTimeOffset? AssessedAt { get; set; }
    public Guid? AssessedBy { get; set; }

    public bool IsMet => RoleFitsWork && TerritoryMatches && AvailableForResponsibilities;
}

/// <summary>A methodology training module a staff member took.</summary>
public sealed class Training : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid StaffMemberId { get; init; }
    public required string Module { get; init; }
    public DateOnly CompletedOn { get; init; }
    public decimal Hours { get; init; }
    public bool Passed { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public Guid? RecordedBy { get; init; }
}
