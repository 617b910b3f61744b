using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace RedesPlataforma.BuildingBlocks.Security;

/// <summary>
/// Every endpoint names one of these. Tenant policies also demand a tenant claim, so a national-unit token
/// never reaches a tenant's raw records; the national policy demands its absence.
/// </summary>
public static class Policies
{
    public const string NationalUnit = nameof(NationalUnit);
    public const string TenantAdmin = nameof(TenantAdmin);
    public const string Supervisor = nameof(Supervisor);
    public const string Specialist = nameof(Specialist);
    public const string TenantMember = nameof(TenantMember);
    public const string Authenticated = nameof(Authenticated);

    public static IServiceCollection AddPlatformAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(NationalUnit, p => p.RequireRole(PlatformRoles.NationalUnit).RequireAssertion(c => !c.User.HasClaim(x => x.Type == PlatformClaims.Tenant)))
            .AddPolicy(TenantAdmin, p => InTenant(p, PlatformRoles.TenantAdmin))
            .AddPolicy(Supervisor, p => InTenant(p, PlatformRoles.TenantAdmin, PlatformRoles.Supervisor))
            .AddPolicy(Specialist, p => InTenant(p, PlatformRoles.TenantAdmin, PlatformRoles.Supervisor, PlatformRoles.Specialist))
            .AddPolicy(TenantMember, p => InTenant(p, [.. PlatformRoles.TenantRoles]))
            .AddPolicy(Authenticated, p => p.RequireAuthenticatedUser());
        return services;
    }

    private static void InTenant(AuthorizationPolicyBuilder policy, params string[] roles) =>
        policy.RequireAuthenticatedUser().RequireClaim(PlatformClaims.Tenant).RequireRole(roles);
}
