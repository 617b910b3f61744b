namespace RedesPlataforma.Contracts.Tenants;

public record StaffMemberJoined(
    Guid TenantId, Guid StaffMemberId, string FullName, IReadOnlyList<string> Roles,
    Guid? OrgUnitId, IReadOnlyList<string> Regions, DateTimeOffset JoinedAt);

public record StaffMemberChanged(
    Guid TenantId, Guid StaffMemberId, string FullName, IReadOnlyList<string> Roles,
    Guid? OrgUnitId, IReadOnlyList<string> Regions, bool IsActive, bool MeetsSelectionCriteria, DateTimeOffset ChangedAt);

public record StaffMemberDeactivated(Guid TenantId, Guid StaffMemberId, DateTimeOffset DeactivatedAt);

/// <summary>A methodology training module recorded for a specialist; <c>IsTrained</c> is true once the specialist has passed at least one module.</summary>
public record SpecialistTrained(
    Guid TenantId, Guid StaffMemberId, string Module, DateOnly CompletedOn, decimal Hours, bool Passed, bool IsTrained);
