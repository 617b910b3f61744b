using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using RedesPlataforma.Tenants.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RedesPlataforma.Tenants.Identity.Portal;

/// <summary>
/// The portal's sign-in page at /connect/login, shown for an authorization request (its parameters ride along as hidden
/// fields). The form posts the credentials to /connect/authorize itself, which answers with the code: one round trip
/// for the person on a slow link, and no cookie or single sign-on session left behind. Unknown email, locked account and
/// wrong password get the same message. A person with a second factor gets its step after the password (<see cref="SecondStep"/>).
/// </summary>
public static class PortalLogin
{
    public const string PagePath = "/connect/login";
    public const string AuthorizePath = "/connect/authorize";

    /// <summary>The form's own fields; every other posted field belongs to the authorization request.</summary>
    private static readonly HashSet<string> FormFields = ["email", "password", "lang", LoginPage.AntiforgeryField, SecondStep.TicketField, SecondStep.CodeField];

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
        login.MapGet("/login.css", () => Results.Text(LoginPage.Stylesheet, "text/css; charset=utf-8"));
        return app;
    }

    /// <summary>The page for the authorization request in <paramref name="returnUrl"/>; without one there is nothing to sign in to here.</summary>
    private static IResult ShowPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? lang)
    {
        if (returnUrl is null || !returnUrl.StartsWith(AuthorizePath + "?", StringComparison.Ordinal)) return Results.Redirect("/");
        var authorization = QueryHelpers.ParseQuery(returnUrl[AuthorizePath.Length..])
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))).ToList();
        return Page(context, antiforgery, new LoginForm(authorization, LanguageOf(lang, authorization), Email: null, Error: null));
    }

    /// <summary>
    /// The credentials posted with an authorization request: the user when they may sign in, else the page again with
    /// the reason (and the request's parameters, so the next try continues the same request).
    /// </summary>
    public static async Task<(AppUser? User, IResult? Refusal)> CheckAsync(
        HttpContext context, IAntiforgery antiforgery, UserManager<AppUser> users, PasswordSignIn passwords)
    {
        var form = await context.Request.ReadFormAsync();
        var authorization = form.Where(f => !FormFields.Contains(f.Key))
            .SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? ""))).ToList();
        var language = LanguageOf(form["lang"], authorization);
        var email = form["email"].ToString().Trim();
        var texts = LoginTexts.For(language);
        IResult Again(string error, int status = StatusCodes.Status200OK) =>
            Page(context, antiforgery, new LoginForm(authorization, language, email, error), status);

        if (!await antiforgery.IsRequestValidAsync(context)) return (null, Again(texts.FormExpired, StatusCodes.Status400BadRequest));
        if (form.TryGetValue(SecondStep.TicketField, out var ticket))
            return await SecondStep.ContinueAsync(context, antiforgery, new LoginForm(authorization, language, null, null), ticket.ToString(), form[SecondStep.CodeField].ToString(), users);

        var user = await passwords.CheckAsync(email, form["password"].ToString());
        if (user is null) return (null, Again(texts.InvalidCredentials));
        // Said only to whoever knows the password, as the token endpoint does: the person learns to ask their admin.
        if (!user.IsActive) return (null, Again(texts.Deactivated));
        return await SecondStep.AfterPasswordAsync(context, antiforgery, new LoginForm(authorization, language, email, null), user);
    }

    internal static IResult Page(HttpContext context, IAntiforgery antiforgery, LoginForm form, int status = StatusCodes.Status200OK) =>
        Html(context, antiforgery, token => LoginPage.Render(form, token), status);

    /// <summary>A page of the sign-in, given a fresh antiforgery token; never cached.</summary>
    internal static IResult Html(HttpContext context, IAntiforgery antiforgery, Func<string, string> render, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(render(tokens.RequestToken!), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>English when asked by ?lang=en or by ui_locales on the authorization request; else Spanish.</summary>
    private static string LanguageOf(StringValues lang, IEnumerable<KeyValuePair<string, string>> authorization)
    {
        if (!StringValues.IsNullOrEmpty(lang)) return lang == LoginTexts.English ? LoginTexts.English : LoginTexts.Spanish;
        var uiLocales = authorization.FirstOrDefault(p => p.Key == Parameters.UiLocales).Value ?? "";
        return uiLocales.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.StartsWith(LoginTexts.English, StringComparison.OrdinalIgnoreCase) == true
            ? LoginTexts.English
            : LoginTexts.Spanish;
    }
}

/// <summary>The sign-in page's state: the authorization request it continues, the language, what was typed and why it was refused.</summary>
public sealed record LoginForm(IReadOnlyList<KeyValuePair<string, string>> Authorization, string Language, string? Email, string? Error)
{
    /// <summary>The authorization request as a local URL (the language switch reopens the page for the same request).</summary>
    public string AuthorizeUrl => QueryHelpers.AddQueryString(PortalLogin.AuthorizePath, Authorization.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)));
}
