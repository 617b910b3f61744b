using System.Security.Claims;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.Networks.Access;

/// <summary>The platform's staff rights (<see cref="StaffRights"/>) named for this service's records.</summary>
public static class EditorRights
{
    public static bool CanEditNetwork(this ClaimsPrincipal user, Guid specialistId) => user.ActsOn(specialistId);

    public static bool CanEditProducer(this ClaimsPrincipal user, Guid? registeredBy) => user.ActsOn(registeredBy);
}
