using Microsoft.AspNetCore.Identity;

namespace RedesPlataforma.Tenants.Accounts;

/// <summary>
/// A person who signs in. Read before any tenant is known (login), so this table stays outside row-level
/// security; tenant admins reach users only through <see cref="StaffMember"/>, which is tenant-owned.
/// See docs/decisions/0002-login-and-the-users-table.md.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    /// <summary>Null for national-unit users, who belong to no tenant.</summary>
    public Guid? TenantId { get; set; }
    public required string FullName { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The language the portal and the user's e-mails use: <see cref="Languages.Spanish"/> or <see cref="Languages.English"/>.</summary>
    public string Language { get; set; } = Languages.Spanish;
}

public static class Languages
{
    public const string Spanish = "es";
    public const string English = "en";

    public static bool IsSupported(string? language) => language is Spanish or English;
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }

    public AppRole(string name) : base(name) => NormalizedName = name.ToUpperInvariant();
}
