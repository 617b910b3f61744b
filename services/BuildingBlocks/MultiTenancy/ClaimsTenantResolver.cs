using System.Security.Claims;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>The only way a request chooses its tenant: the validated token's claims. Bodies, query strings and headers cannot.</summary>
public static class ClaimsTenantResolver
{
    public static TenantInfo? Resolve(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        if (!Guid.TryParse(user.FindFirst(PlatformClaims.Tenant)?.Value, out var id)) return null;
        var slug = user.FindFirst(PlatformClaims.TenantSlug)?.Value ?? id.ToString();
        var name = user.FindFirst(PlatformClaims.TenantName)?.Value ?? slug;
        return new TenantInfo(id, slug, name);
    }
}
