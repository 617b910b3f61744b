using System.ComponentModel.DataAnnotations;
using RedesPlataforma.BuildingBlocks.Peru;

namespace RedesPlataforma.Tenants.Staff;

/// <summary>What creating a staff member with a password and inviting one have in common.</summary>
public interface INewStaffRequest
{
    string FullName { get; }
    string Email { get; }
    IReadOnlyList<string> Roles { get; }
    Guid? OrgUnitId { get; }
    IReadOnlyList<string>? Regions { get; }
    string? Dni { get; }
    string? Phone { get; }
}

/// <summary>For API clients and the demo seed: the account gets its password at once.</summary>
public sealed record CreateStaffRequest(
    [property: Required, StringLength(200, MinimumLength = 3)] string FullName,
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: Required, StringLength(128, MinimumLength = 10)] string InitialPassword,
    [property: Required, MinLength(1)] IReadOnlyList<string> Roles,
    Guid? OrgUnitId,
    [property: RegionCodes] IReadOnlyList<string>? Regions,
    [property: Dni] string? Dni,
    [property: Phone, StringLength(20)] string? Phone) : INewStaffRequest;

/// <summary>For the portal: the person chooses their password through the link e-mailed to them.</summary>
public sealed record InviteStaffRequest(
    [property: Required, StringLength(200, MinimumLength = 3)] string FullName,
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: Required, MinLength(1)] IReadOnlyList<string> Roles,
    Guid? OrgUnitId,
    [property: RegionCodes] IReadOnlyList<string>? Regions,
    [property: Dni] string? Dni,
    [property: Phone, StringLength(20)] string? Phone) : INewStaffRequest;

public sealed record UpdateStaffRequest(
    [property: Required, StringLength(200, MinimumLength = 3)] string FullName,
    Guid? OrgUnitId,
    [property: RegionCodes] IReadOnlyList<string>? Regions,
    [property: Dni] string? Dni,
    [property: Phone, StringLength(20)] string? Phone);

public sealed record RolesRequest([property: Required, MinLength(1)] IReadOnlyList<string> Roles);

public sealed record SelectionCriteriaRequest(
    bool RoleFitsWork, bool TerritoryMatches, bool AvailableForResponsibilities, [property: StringLength(2000)] string? Notes);

public sealed record TrainingRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Module,
    [property: Required, PlausibleDate] DateOnly? CompletedOn,
    [property: Range(0.5, 500)] decimal Hours,
    bool Passed);

public sealed record SelectionCriteriaDto(bool RoleFitsWork, bool TerritoryMatches, bool AvailableForResponsibilities, bool IsMet, string? Notes, DateTimeOffset? AssessedAt);

public sealed record TrainingDto(Guid Id, string Module, DateOnly CompletedOn, decimal Hours, bool Passed);

/// <summary><c>InvitationPending</c>: invited and not yet accepted (no password chosen).</summary>
public sealed record StaffSummary(Guid Id, string FullName, string Email, IReadOnlyList<string> Roles, Guid? OrgUnitId,
    IReadOnlyList<string> Regions, bool IsActive, bool IsTrained, bool MeetsSelectionCriteria, bool InvitationPending);

/// <summary><c>InvitationPending</c>: invited and not yet accepted (no password chosen).</summary>
public sealed record StaffDetails(Guid Id, string FullName, string Email, string? Dni, string? Phone, IReadOnlyList<string> Roles,
    Guid? OrgUnitId, IReadOnlyList<string> Regions, bool IsActive, bool InvitationPending, DateTimeOffset? DeactivatedAt,
    SelectionCriteriaDto Selection, IReadOnlyList<TrainingDto> Trainings, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record StaffFilter(string? Search, string? Role, Guid? OrgUnitId, string? Region, bool? Active, bool? Trained);
