using System.Security.Claims;

namespace RedesPlataforma.BuildingBlocks.Security;

/// <summary>
/// Who changes a tenant's records: supervisors and tenant admins all of them; a specialist those assigned to them (the
/// networks they follow, with their plans, and the producers they registered). Reading is open to every role of the
/// tenant, and a record outside the caller's rights answers 403: it is of their own tenant, so its existence is no secret.
/// </summary>
public static class StaffRights
{
    public static bool ActsOnWholeTenant(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.TenantAdmin) || user.IsInRole(PlatformRoles.Supervisor);

    /// <param name="specialistId">The specialist the record is assigned to, if any.</param>
    public static bool ActsOn(this ClaimsPrincipal user, Guid? specialistId) =>
        user.ActsOnWholeTenant() || (user.IsInRole(PlatformRoles.Specialist) && specialistId == user.UserId());
}
