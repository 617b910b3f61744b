using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.WebUtilities;

namespace RedesPlataforma.Tenants.Identity.Portal;

/// <summary>
/// The sign-in page as plain HTML: no script and no inline style (the gateway's CSP is default-src 'self'), its
/// stylesheet at /connect/login.css. Errors sit in a role="alert" region the fields point to with aria-describedby.
/// </summary>
public static class LoginPage
{
    public const string AntiforgeryField = "__RequestVerificationToken";
    internal const string ErrorId = "login-error";

    // Spanish letters as they are (the page is UTF-8); markup characters still encoded.
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(LoginForm form, string antiforgeryToken)
    {
        var t = LoginTexts.For(form.Language);
        var e = Encoder;
        var described = form.Error is null ? "" : ErrorAttributes;
        var switchUrl = QueryHelpers.AddQueryString(PortalLogin.PagePath, new Dictionary<string, string?> { ["returnUrl"] = form.AuthorizeUrl, ["lang"] = t.OtherLanguageCode });
        return Document(t.Language, t.Title, form.Error, $"""
            <form method="post" action="{PortalLogin.AuthorizePath}">
            {Hidden(form, antiforgeryToken)}
            <label for="email">{e.Encode(t.Email)}</label>
            <input id="email" name="email" type="email" autocomplete="username" required value="{e.Encode(form.Email ?? "")}"{described}>
            <label for="password">{e.Encode(t.Password)}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required{described}>
            <button type="submit">{e.Encode(t.Submit)}</button>
            </form>
            <nav>
            <a href="/restablecer">{e.Encode(t.ForgotPassword)}</a>
            <a href="/registro">{e.Encode(t.Register)}</a>
            <a href="{e.Encode(switchUrl)}" lang="{t.OtherLanguageCode}" hreflang="{t.OtherLanguageCode}">{e.Encode(t.OtherLanguage)}</a>
            </nav>
            """);
    }

    /// <summary>The page around a step of the sign-in: the title as heading, then the error region, then <paramref name="content"/> (markup).</summary>
    internal static string Document(string language, string title, string? error, string content) => $"""
        <!doctype html>
        <html lang="{language}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encoder.Encode(title)} · RedesPlataforma</title>
        <link rel="stylesheet" href="/connect/login.css">
        </head>
        <body>
        <main class="card">
        <h1>{Encoder.Encode(title)}</h1>
        <div id="{ErrorId}" class="error" role="alert">{Encoder.Encode(error ?? "")}</div>
        {content}
        </main>
        </body>
        </html>
        """;

    /// <summary>The form's hidden fields: the antiforgery token, the authorization request it continues and the language.</summary>
    internal static string Hidden(LoginForm form, string antiforgeryToken) =>
        $"<input type=\"hidden\" name=\"{AntiforgeryField}\" value=\"{Encoder.Encode(antiforgeryToken)}\">\n" +
        string.Concat(form.Authorization.Select(p => $"<input type=\"hidden\" name=\"{Encoder.Encode(p.Key)}\" value=\"{Encoder.Encode(p.Value)}\">\n")) +
        $"<input type=\"hidden\" name=\"lang\" value=\"{form.Language}\">";

    internal const string ErrorAttributes = $" aria-describedby=\"{ErrorId}\" aria-invalid=\"true\"";

    /// <summary>Served as a file of its own: the CSP forbids inline styles. Fluid down to 320 px, focus always visible.</summary>
    public const string Stylesheet = """
        *, *::before, *::after { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, sans-serif; font-size: 1rem; line-height: 1.5; color: #1b1b1b; background: #f3f5f4; }
        .card { max-width: 26rem; margin: 2rem auto; padding: 1.5rem 1rem; background: #fff; border-radius: .5rem; }
        h1 { margin-top: 0; font-size: 1.5rem; }
        form { display: flex; flex-direction: column; gap: .5rem; }
        label { font-weight: 600; }
        input { width: 100%; padding: .625rem; font: inherit; border: 1px solid #6b6b6b; border-radius: .25rem; }
        input[aria-invalid="true"] { border-color: #b00020; }
        button { margin-top: .75rem; padding: .75rem; font: inherit; font-weight: 600; color: #fff; background: #1d5e3a; border: 0; border-radius: .25rem; cursor: pointer; }
        a { color: #1d5e3a; }
        :focus-visible { outline: 3px solid #c55a00; outline-offset: 2px; }
        .error:empty { display: none; }
        .error { margin-bottom: .75rem; padding: .5rem .75rem; color: #7a0016; background: #fdecee; border-left: 4px solid #b00020; }
        .qr { display: block; width: 12rem; max-width: 100%; height: auto; margin: .5rem auto; }
        .key, .codes { font-family: ui-monospace, monospace; font-size: 1.125rem; overflow-wrap: anywhere; }
        .codes { display: grid; grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr)); gap: .25rem 1rem; padding: 0; list-style: none; }
        nav { display: flex; flex-direction: column; gap: .5rem; margin-top: 1.25rem; }
        @media (min-width: 40rem) { .card { padding: 2rem; margin-top: 4rem; } }
        """;
}
