using System.Security.Claims;

namespace RedesPlataforma.BuildingBlocks.Security;

/// <summary>The signed-in user's id, read from the token's subject in one place for every service.</summary>
public static class UserClaims
{
    /// <summary>Null without a user or with a subject that is not a user id (outside a request, in a consumer).</summary>
    public static Guid? FindUserId(this ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(PlatformClaims.Subject)?.Value, out var id) ? id : null;

    /// <summary>For endpoints behind a platform policy, whose tokens always name their user.</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        user.FindUserId() ?? throw new InvalidOperationException("The signed-in user's token has no user id (sub).");
}
