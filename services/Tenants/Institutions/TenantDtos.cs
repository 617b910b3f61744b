using System.ComponentModel.DataAnnotations;

namespace RedesPlataforma.Tenants.Institutions;

/// <summary><c>RequiresTwoFactor</c>: every person of the institution signs in with a second factor.</summary>
public sealed record TenantDto(Guid Id, string Slug, string Name, InstitutionKind Kind, string Ruc, IReadOnlyList<string> Regions,
    TenantStatus Status, DateTimeOffset ActivatedAt, DateTimeOffset? SuspendedAt, string? SuspensionReason, bool RequiresTwoFactor)
{
    public static TenantDto From(Tenant t) => new(t.Id, t.Slug, t.Name, t.Kind, t.Ruc, t.Regions, t.Status, t.ActivatedAt, t.SuspendedAt, t.SuspensionReason, t.RequiresTwoFactor);
}

public sealed record TwoFactorRequirementRequest([property: Required] bool? Required);

public sealed record SuspendRequest([property: Required, StringLength(500, MinimumLength = 3)] string Reason);

public sealed record ReactivateRequest([property: StringLength(500)] string? Reason);

/// <summary>One change of a tenant's status: to what, why, by whom (null: before the history was kept) and when.</summary>
public sealed record TenantStatusChangeDto(TenantStatus Status, string? Reason, Guid? ChangedBy, string? ChangedByName, DateTimeOffset At);
