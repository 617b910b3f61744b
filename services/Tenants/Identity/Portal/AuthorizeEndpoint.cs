using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RedesPlataforma.Tenants.Identity.Portal;

/// <summary>
/// /connect/authorize for the portal: OpenIddict has checked the client, its redirect URI and the PKCE challenge. A GET
/// goes to the sign-in page; the page posts the credentials back here with the request's parameters, and a correct
/// password gets the code at once. Nothing is remembered between sign-ins: every portal sign-in asks for the password.
/// </summary>
public static class AuthorizeEndpoint
{
    public static IEndpointRouteBuilder MapAuthorizeEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("connect/authorize", (HttpContext context) =>
                Results.Redirect(PortalLogin.PagePath + QueryString.Create("returnUrl", context.Request.Path + context.Request.QueryString)))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("connect/authorize", Authorize).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Authorize(
        HttpContext context, IAntiforgery antiforgery, UserManager<AppUser> users, PasswordSignIn passwords, TenantsDb db, TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var (user, refusal) = await PortalLogin.CheckAsync(context, antiforgery, users, passwords);
        return refusal ?? await TokenEndpoint.IssueAsync(user!, request.GetScopes(), users, db, clock, Errors.AccessDenied);
    }
}
