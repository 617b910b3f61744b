using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using RedesPlataforma.Tenants.Infrastructure;
using RedesPlataforma.Tenants.Model;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RedesPlataforma.Tenants.Identity.Portal;

/// <summary>
/// /connect/authorize for the portal: OpenIddict has checked the client, its redirect URI and the PKCE challenge. A
/// browser without the one-shot login cookie goes to the sign-in page; with it, the user gets a code and the cookie is
/// removed at once, so there is no single sign-on session left behind and every portal sign-in asks for the password.
/// </summary>
public static class AuthorizeEndpoint
{
    public static IEndpointRouteBuilder MapAuthorizeEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("connect/authorize", Authorize).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Authorize(HttpContext context, UserManager<AppUser> users, TenantsDb db)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");

        var login = await context.AuthenticateAsync(PortalLogin.Scheme);
        var user = login.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (user is null || login.Principal?.GetClaim(PortalLogin.StampClaim) != user.SecurityStamp)
            return Results.Redirect(PortalLogin.PagePath + QueryString.Create("returnUrl", context.Request.Path + context.Request.QueryString));

        await context.SignOutAsync(PortalLogin.Scheme);
        return await TokenEndpoint.IssueAsync(user, request.GetScopes(), users, db, Errors.AccessDenied);
    }
}
