using System.Security.Claims;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.Financing.Access;

/// <summary>
/// Who may change what: supervisors and tenant admins act on all of their tenant's plans; a specialist drafts and
/// submits plans for the networks assigned to them. Reading is open to every role of the tenant.
/// </summary>
public static class PlanRights
{
    public static bool ActsOnEverything(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.TenantAdmin) || user.IsInRole(PlatformRoles.Supervisor);

    public static bool CanDraftFor(this ClaimsPrincipal user, Guid networkSpecialistId) =>
        user.ActsOnEverything() || (user.IsInRole(PlatformRoles.Specialist) && networkSpecialistId == user.UserId());
}
