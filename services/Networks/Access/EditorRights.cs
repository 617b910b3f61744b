using System.Security.Claims;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.Networks.Access;

/// <summary>
/// Who may change what: supervisors and tenant admins edit all of their tenant's records; a specialist edits the
/// networks assigned to them and the producers they registered. Reading is open to every role of the tenant.
/// A record outside the caller's rights answers 403 (it is of their own tenant, so its existence is no secret).
/// </summary>
public static class EditorRights
{
    public static bool EditsEverything(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.TenantAdmin) || user.IsInRole(PlatformRoles.Supervisor);

    public static bool CanEditNetwork(this ClaimsPrincipal user, Guid specialistId) =>
        user.EditsEverything() || (user.IsInRole(PlatformRoles.Specialist) && specialistId == user.UserId());

    public static bool CanEditProducer(this ClaimsPrincipal user, Guid? registeredBy) =>
        user.EditsEverything() || (user.IsInRole(PlatformRoles.Specialist) && registeredBy == user.UserId());
}
