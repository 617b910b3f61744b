using System.ComponentModel.DataAnnotations;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.Tenants.Accounts;

public sealed record MeDto(Guid Id, string FullName, string Email, IReadOnlyList<string> Roles, TenantInfo? Tenant, string Language);

public sealed record LanguageRequest(string? Language);

public sealed record ChangePasswordRequest(
    [property: Required] string CurrentPassword,
    [property: Required, StringLength(128, MinimumLength = 10)] string NewPassword);
