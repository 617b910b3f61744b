using System.ComponentModel.DataAnnotations;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.Tenants.Institutions;

namespace RedesPlataforma.Tenants.Onboarding;

public sealed record ApplicationRequest(
    [property: Required, StringLength(200, MinimumLength = 3)] string InstitutionName,
    [property: Required, EnumDataType(typeof(InstitutionKind))] InstitutionKind? Kind,
    [property: Required, Ruc] string Ruc,
    [property: Required, MinLength(1), RegionCodes] IReadOnlyList<string> Regions,
    [property: Required, RegularExpression(OnboardingApi.SlugPattern, ErrorMessage = "The slug must be 3 to 40 lowercase letters, digits or hyphens. / El identificador debe tener de 3 a 40 letras minúsculas, dígitos o guiones.")] string Slug,
    [property: Required, StringLength(200, MinimumLength = 3)] string AdminFullName,
    [property: Required, EmailAddress, StringLength(256)] string AdminEmail,
    [property: Required, StringLength(128, MinimumLength = 10)] string AdminPassword);

public sealed record ApplicationDto(
    Guid Id, string InstitutionName, InstitutionKind Kind, string Ruc, IReadOnlyList<string> Regions, string Slug,
    string AdminFullName, string AdminEmail, ApplicationStatus Status, DateTimeOffset SubmittedAt,
    DateTimeOffset? DecidedAt, string? DecisionReason, Guid? TenantId);

/// <summary>What the applicant may see of their application, given its id and the institution's RUC.</summary>
public sealed record ApplicationStatusDto(string InstitutionName, ApplicationStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, string? DecisionReason);

public sealed record RejectRequest([property: Required, StringLength(500, MinimumLength = 3)] string Reason);
