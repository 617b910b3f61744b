using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Lifecycles;
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

    public StaffStatus Status => IsActive ? StaffStatus.Active : StaffStatus.Deactivated;

    /// <summary>An active person can be deactivated and a deactivated one reactivated; nothing moves to where it already is.</summary>
    private static readonly Lifecycle<StaffStatus> Transitions = new(
        new Dictionary<StaffStatus, StaffStatus[]>
        {
            [StaffStatus.Active] = [StaffStatus.Deactivated],
            [StaffStatus.Deactivated] = [StaffStatus.Active],
        },
        (status, _) => Refusal.Conflict("id", status == StaffStatus.Active
            ? "The staff member is already active. / La persona ya está activa."
            : "The staff member is already inactive. / La persona ya está inactiva."));

    /// <summary>Null when deactivated by <paramref name="by"/>; otherwise why not. No one locks themselves out.</summary>
    public Refusal? Deactivate(Guid? by, DateTimeOffset at)
    {
        if (by == Id) return Refusal.Unprocessable("id", "You cannot deactivate yourself. / No puede desactivarse a sí mismo.");
        if (Transitions.Check(Status, StaffStatus.Deactivated) is { } refused) return refused;
        IsActive = false;
        DeactivatedAt = at;
        return null;
    }

    /// <summary>Null when reactivated; otherwise why not.</summary>
    public Refusal? Reactivate()
    {
        if (Transitions.Check(Status, StaffStatus.Active) is { } refused) return refused;
        IsActive = true;
        DeactivatedAt = null;
        return null;
    }

    /// <summary>
    /// Null while the invitation is pending, so it may be sent again: not yet <paramref name="accepted"/> (no password
    /// chosen) and the person still active; otherwise why not.
    /// </summary>
    public Refusal? CheckInvitationPending(bool accepted) =>
        accepted || !IsActive
            ? Refusal.Conflict("id", "No invitation is pending for this person. / No hay una invitación pendiente para esta persona.")
            : null;
}

public enum StaffStatus { Active, Deactivated }

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
