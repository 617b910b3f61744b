using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using RedesPlataforma.Tenants.Model;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RedesPlataforma.Tenants.Identity.Portal;

/// <summary>
/// The portal's sign-in page at /connect/login. A correct password earns a short-lived cookie (path /connect) that only
/// carries the user to /connect/authorize, which spends it. Unknown email and wrong password get the same message.
/// </summary>
public static class PortalLogin
{
    public const string Scheme = "PortalLogin";
    public const string PagePath = "/connect/login";
    public const string StampClaim = "stamp";

    private static readonly TimeSpan CookieLifetime = TimeSpan.FromMinutes(5);

    public static AuthenticationBuilder AddPortalLoginCookie(this AuthenticationBuilder authentication) =>
        authentication.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "redes.login";
            options.Cookie.Path = "/connect";
            options.Cookie.HttpOnly = true;
            // Lax: the browser must send it on the redirect from the sign-in form to /connect/authorize.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = CookieLifetime;
            options.SlidingExpiration = false;
        });

    public static IHostApplicationBuilder AddPortalLogin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "redes.login.antiforgery";
            options.Cookie.Path = "/connect";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = LoginPage.AntiforgeryField;
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapPortalLogin(this IEndpointRouteBuilder app)
    {
        var login = app.MapGroup("connect").AllowAnonymous().ExcludeFromDescription();
        login.MapGet("/login", ShowPage);
        login.MapPost("/login", SignIn);
        login.MapGet("/login.css", () => Results.Text(LoginPage.Stylesheet, "text/css; charset=utf-8"));
        return app;
    }

    private static IResult ShowPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? lang)
    {
        var target = LocalOrRoot(returnUrl);
        return Page(context, antiforgery, new LoginForm(target, LanguageOf(lang, target), Email: null, Error: null));
    }

    private static async Task<IResult> SignIn(HttpContext context, IAntiforgery antiforgery, UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        // Read by hand rather than bound: a bound form would need the antiforgery middleware, checked explicitly here.
        var form = await context.Request.ReadFormAsync();
        var target = LocalOrRoot(form["returnUrl"]);
        var language = LanguageOf(form["lang"], target);
        var email = form["email"].ToString().Trim();
        var texts = LoginTexts.For(language);

        if (!await antiforgery.IsRequestValidAsync(context))
            return Page(context, antiforgery, new LoginForm(target, language, email, texts.FormExpired), StatusCodes.Status400BadRequest);

        var user = email.Length > 0 ? await users.FindByEmailAsync(email) : null;
        if (user is null) return Page(context, antiforgery, new LoginForm(target, language, email, texts.InvalidCredentials));

        var check = await signIn.CheckPasswordSignInAsync(user, form["password"].ToString(), lockoutOnFailure: true);
        if (check.IsLockedOut) return Page(context, antiforgery, new LoginForm(target, language, email, texts.LockedOut));
        if (!check.Succeeded) return Page(context, antiforgery, new LoginForm(target, language, email, texts.InvalidCredentials));
        // Said only to whoever knows the password, as the token endpoint does: the person learns to ask their admin.
        if (!user.IsActive) return Page(context, antiforgery, new LoginForm(target, language, email, texts.Deactivated));

        var identity = new ClaimsIdentity(Scheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Id.ToString()));
        // A password change between this page and the authorize request voids the cookie.
        identity.AddClaim(new Claim(StampClaim, user.SecurityStamp ?? ""));
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        return Results.Redirect(target);
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, LoginForm form, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(LoginPage.Render(form, tokens.RequestToken!), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>Only a path on this origin: anything else (another origin, a scheme-relative //host) is an open redirect.</summary>
    internal static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    /// <summary>English when asked by ?lang=en or by ui_locales on the authorize request being returned to; else Spanish.</summary>
    private static string LanguageOf(string? lang, string returnUrl)
    {
        if (lang is { Length: > 0 }) return lang == LoginTexts.English ? LoginTexts.English : LoginTexts.Spanish;
        var query = returnUrl.IndexOf('?') is var at and >= 0 ? QueryHelpers.ParseQuery(returnUrl[at..]) : [];
        var uiLocales = query.GetValueOrDefault(Parameters.UiLocales).ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return uiLocales.FirstOrDefault()?.StartsWith(LoginTexts.English, StringComparison.OrdinalIgnoreCase) == true ? LoginTexts.English : LoginTexts.Spanish;
    }
}

public sealed record LoginForm(string ReturnUrl, string Language, string? Email, string? Error);
