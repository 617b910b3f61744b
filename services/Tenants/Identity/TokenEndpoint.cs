using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Infrastructure;
using RedesPlataforma.Tenants.Institutions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RedesPlataforma.Tenants.Identity;

/// <summary>
/// /connect/token: the password grant signs a user in (lockout after repeated failures; a user with a second factor
/// also sends its code as <c>otp</c>), the authorization code grant
/// redeems what /connect/authorize issued to the portal, and the refresh grant rotates the refresh token. All of them,
/// and the authorize endpoint, build the claims here from the database, so a role change, a deactivation or a
/// suspended tenant takes effect at the next refresh at the latest.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("connect/token", Exchange).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Exchange(HttpContext context, UserManager<AppUser> users, PasswordSignIn passwords, TwoFactor twoFactor, TenantsDb db, TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");

        if (request.IsPasswordGrantType())
        {
            // Unknown, locked and wrong are one answer in one time (PasswordSignIn); the second factor is asked only of whoever knows
            // the password.
            var user = await passwords.CheckAsync(request.Username, request.Password);
            if (user is null) return Refuse("The email or password is incorrect. / El correo o la contraseña son incorrectos.", Errors.InvalidGrant);
            if (await twoFactor.PasswordGrantRefusalAsync(user, (string?)request.GetParameter(OtpParameter)) is { } twoFactorRefusal)
                return Refuse(twoFactorRefusal, Errors.InvalidGrant);

            return await IssueAsync(user, request.GetScopes(), users, db, clock, Errors.InvalidGrant);
        }

        // OpenIddict has already checked the code (its client, redirect URI and PKCE verifier) or the refresh token;
        // the user is read again because either may have been issued before a password change or a deactivation.
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (user is null || principal?.GetClaim(StampClaim) != user.SecurityStamp)
                return Refuse("The grant is no longer valid; sign in again. / La autorización ya no es válida; inicie sesión de nuevo.", Errors.InvalidGrant);
            return await IssueAsync(user, principal!.GetScopes(), users, db, clock, Errors.InvalidGrant);
        }

        return Results.Problem(statusCode: 400, title: "Unsupported grant type");
    }

    /// <summary>The password grant's second factor: the authenticator's current code (docs/decisions/0019-two-factor-sign-in.md).</summary>
    public const string OtpParameter = "otp";

    /// <summary>Carried by codes and refresh tokens only: a password change or a sign-out everywhere makes them fail.</summary>
    private const string StampClaim = "stamp";

    /// <summary>
    /// Signs the user in with OpenIddict (a code at the authorize endpoint, tokens at the token endpoint), or refuses a
    /// deactivated user or a user of an inactive institution with <paramref name="refusalError"/> and the same reasons.
    /// </summary>
    internal static async Task<IResult> IssueAsync(
        AppUser user, IEnumerable<string> scopes, UserManager<AppUser> users, TenantsDb db, TimeProvider clock, string refusalError)
    {
        if (!user.IsActive) return Refuse("The account is deactivated. / La cuenta está desactivada.", refusalError);
        await AccessRevoker.WaitForNotBeforeAsync(db, user.Id, clock);

        var tenant = user.TenantId is { } tenantId ? await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId) : null;
        if (user.TenantId is not null && tenant?.Status != TenantStatus.Active)
            return Refuse("The institution is not active on the platform. / La institución no está activa en la plataforma.", refusalError);

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.FullName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(StampClaim, user.SecurityStamp)
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
        identity.SetDestinations(claim => claim.Type == StampClaim ? [] : [Destinations.AccessToken]);

        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string description, string error) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
