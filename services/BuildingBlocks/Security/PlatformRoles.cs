namespace RedesPlataforma.BuildingBlocks.Security;

public static class PlatformRoles
{
    public const string NationalUnit = "NationalUnit";
    public const string TenantAdmin = "TenantAdmin";
    public const string Supervisor = "Supervisor";
    public const string Specialist = "Specialist";
    public const string Viewer = "Viewer";

    /// <summary>Roles a tenant admin may give; NationalUnit is a platform role no tenant can grant.</summary>
    public static readonly IReadOnlyList<string> TenantRoles = [TenantAdmin, Supervisor, Specialist, Viewer];

    public static readonly IReadOnlyList<string> All = [NationalUnit, .. TenantRoles];
}
