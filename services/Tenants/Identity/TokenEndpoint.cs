using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Tenants.Infrastructure;
using RedesPlataforma.Tenants.Model;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RedesPlataforma.Tenants.Identity;

/// <summary>
/// /connect/token: the password grant signs a user in (lockout after repeated failures) and the refresh grant
/// rotates the refresh token. Both rebuild the claims from the database, so a role change, a deactivation or a
/// suspended tenant takes effect at the next refresh at the latest.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("connect/token", Exchange).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Exchange(HttpContext context, UserManager<AppUser> users, SignInManager<AppUser> signIn, TenantsDb db)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");

        if (request.IsPasswordGrantType())
        {
            var user = await users.FindByEmailAsync(request.Username ?? "");
            if (user is null) return Refuse("The email or password is incorrect. / El correo o la contraseña son incorrectos.");

            var check = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
            if (check.IsLockedOut) return Refuse("The account is locked after repeated failed sign-ins; try again later. / La cuenta está bloqueada por intentos fallidos; intente más tarde.");
            if (!check.Succeeded) return Refuse("The email or password is incorrect. / El correo o la contraseña son incorrectos.");

            return await IssueAsync(user, request.GetScopes(), users, db);
        }

        if (request.IsRefreshTokenGrantType())
        {
            var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (user is null || principal?.GetClaim("stamp") != user.SecurityStamp)
                return Refuse("The refresh token is no longer valid. / El token de actualización ya no es válido.");
            return await IssueAsync(user, principal!.GetScopes(), users, db);
        }

        return Results.Problem(statusCode: 400, title: "Unsupported grant type");
    }

    private static async Task<IResult> IssueAsync(AppUser user, IEnumerable<string> scopes, UserManager<AppUser> users, TenantsDb db)
    {
        if (!user.IsActive) return Refuse("The account is deactivated. / La cuenta está desactivada.");

        var tenant = user.TenantId is { } tenantId ? await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId) : null;
        if (user.TenantId is not null && tenant?.Status != TenantStatus.Active)
            return Refuse("The institution is not active on the platform. / La institución no está activa en la plataforma.");

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.FullName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim("stamp", user.SecurityStamp)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        if (tenant is not null)
        {
            identity.SetClaim(PlatformClaims.Tenant, tenant.Id.ToString())
                .SetClaim(PlatformClaims.TenantSlug, tenant.Slug)
                .SetClaim(PlatformClaims.TenantName, tenant.Name);
        }
        identity.SetScopes(scopes);
        identity.SetResources(JwtAuthenticationExtensions.DefaultAudience);
        // A claim with no destination stays in the refresh token only: the security stamp is checked at refresh, never sent to services.
        identity.SetDestinations(claim => claim.Type == "stamp" ? [] : [Destinations.AccessToken]);

        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
