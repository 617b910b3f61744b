namespace RedesPlataforma.Seed;

// The slices of the Tenants API's request and response records (services/Tenants/Apis) the seed uses.
// Copied by shape rather than referenced, so the seed exercises the wire format a real client sees.
// Enums travel as text.

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount);

public sealed record ApplicationRequest(
    string InstitutionName, string Kind, string Ruc, IReadOnlyList<string> Regions, string Slug,
    string AdminFullName, string AdminEmail, string AdminPassword);

public sealed record ApplicationDto(Guid Id, string Slug, string Status, Guid? TenantId);

public sealed record TenantDto(Guid Id, string Slug, string Name, string Status);

public sealed record OrgUnitRequest(string Name, string Kind, string RegionCode, Guid? ParentId);

public sealed record OrgUnitDto(Guid Id, string Name, string Kind, string RegionCode, Guid? ParentId);

public sealed record CreateStaffRequest(
    string FullName, string Email, string InitialPassword, IReadOnlyList<string> Roles, Guid? OrgUnitId,
    IReadOnlyList<string>? Regions, string? Dni, string? Phone);

public sealed record StaffSummary(Guid Id, string FullName, string Email, IReadOnlyList<string> Roles, Guid? OrgUnitId,
    IReadOnlyList<string> Regions, bool IsActive, bool IsTrained, bool MeetsSelectionCriteria);

public sealed record StaffDetails(Guid Id, string FullName, string Email);

public sealed record SelectionCriteriaRequest(bool RoleFitsWork, bool TerritoryMatches, bool AvailableForResponsibilities, string? Notes);

public sealed record TrainingRequest(string Module, DateOnly CompletedOn, decimal Hours, bool Passed);

public sealed record TrainingDto(Guid Id, string Module, DateOnly CompletedOn, decimal Hours, bool Passed);
