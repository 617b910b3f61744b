using Microsoft.AspNetCore.WebUtilities;
using RedesPlataforma.Tenants.Accounts;

namespace RedesPlataforma.Tenants.Identity.Portal;

/// <summary>
/// The second step's pages, in the sign-in page's frame and stylesheet (no script: the recovery codes download is a
/// data: link). Each is a function of the antiforgery token, which <see cref="PortalLogin"/> adds when it answers.
/// </summary>
public static class SecondStepPage
{
    public static Func<string, string> Code(LoginForm form, string ticket) => antiforgery =>
    {
        var t = SecondStepTexts.For(form.Language);
        return LoginPage.Document(t.Language, t.CodeTitle, form.Error, $"""
            <p id="code-hint">{E(t.CodeHint)}</p>
            {CodeForm(form, antiforgery, ticket, t)}
            """);
    };

    public static Func<string, string> Enrol(LoginForm form, string ticket, AuthenticatorSetup setup) => antiforgery =>
    {
        var t = SecondStepTexts.For(form.Language);
        return LoginPage.Document(t.Language, t.EnrolTitle, form.Error, $"""
            <p>{E(t.EnrolLead)}</p>
            <img class="qr" src="{E(setup.QrCode)}" alt="{E(t.QrAlt)}" width="192" height="192">
            <p>{E(t.Key)} <span class="key">{E(setup.SharedKey)}</span></p>
            <p id="code-hint">{E(t.EnrolHint)}</p>
            {CodeForm(form, antiforgery, ticket, t)}
            """);
    };

    public static Func<string, string> RecoveryCodes(LoginForm form, string ticket, IReadOnlyList<string> codes) => antiforgery =>
    {
        var t = SecondStepTexts.For(form.Language);
        var download = "data:text/plain;charset=utf-8," + Uri.EscapeDataString(string.Join("\r\n", codes) + "\r\n");
        return LoginPage.Document(t.Language, t.RecoveryTitle, form.Error, $"""
            <p>{E(t.RecoveryLead)}</p>
            <ul class="codes">{string.Concat(codes.Select(code => $"<li>{E(code)}</li>"))}</ul>
            <a href="{E(download)}" download="{E(t.DownloadFile)}">{E(t.Download)}</a>
            <form method="post" action="{PortalLogin.AuthorizePath}">
            {LoginPage.Hidden(form, antiforgery)}
            <input type="hidden" name="{SecondStep.TicketField}" value="{E(ticket)}">
            <button type="submit">{E(t.Continue)}</button>
            </form>
            """);
    };

    private static string CodeForm(LoginForm form, string antiforgery, string ticket, SecondStepTexts t)
    {
        var invalid = form.Error is null ? "" : " aria-invalid=\"true\"";
        var described = form.Error is null ? "code-hint" : $"code-hint {LoginPage.ErrorId}";
        var restart = QueryHelpers.AddQueryString(PortalLogin.PagePath, new Dictionary<string, string?> { ["returnUrl"] = form.AuthorizeUrl, ["lang"] = form.Language });
        return $"""
            <form method="post" action="{PortalLogin.AuthorizePath}">
            {LoginPage.Hidden(form, antiforgery)}
            <input type="hidden" name="{SecondStep.TicketField}" value="{E(ticket)}">
            <label for="code">{E(t.Code)}</label>
            <input id="code" name="{SecondStep.CodeField}" type="text" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" required autofocus aria-describedby="{described}"{invalid}>
            <button type="submit">{E(t.Verify)}</button>
            </form>
            <nav>
            <a href="{E(restart)}">{E(t.StartAgain)}</a>
            </nav>
            """;
    }

    private static string E(string text) => LoginPage.Encoder.Encode(text);
}

/// <summary>The second step's texts, Spanish first.</summary>
public sealed record SecondStepTexts(
    string Language, string CodeTitle, string CodeHint, string Code, string Verify, string WrongCode, string StartAgain,
    string EnrolTitle, string EnrolLead, string QrAlt, string Key, string EnrolHint,
    string RecoveryTitle, string RecoveryLead, string Download, string DownloadFile, string Continue)
{
    public static readonly SecondStepTexts Es = new(LoginTexts.Spanish,
        "Verificación en dos pasos",
        "Escriba el código de 6 dígitos que muestra su aplicación de autenticación, o uno de sus códigos de recuperación.",
        "Código", "Verificar", "El código es incorrecto o ya se usó.", "Volver a iniciar sesión",
        "Active la verificación en dos pasos",
        "Su institución exige un segundo paso al iniciar sesión. Escanee el código QR con una aplicación de autenticación en su teléfono, o escriba la clave en ella.",
        "Código QR para la aplicación de autenticación", "Clave:",
        "Luego escriba el código de 6 dígitos que muestra la aplicación.",
        "Guarde sus códigos de recuperación",
        "Si pierde su teléfono, cada código le permite ingresar una sola vez. Solo se muestran ahora: descárguelos o cópielos y guárdelos en un lugar seguro.",
        "Descargar los códigos", "codigos-recuperacion-redes.txt", "Continuar");

    public static readonly SecondStepTexts En = new(LoginTexts.English,
        "Two-step verification",
        "Type the 6-digit code your authenticator app shows, or one of your recovery codes.",
        "Code", "Verify", "The code is incorrect or was already used.", "Back to sign in",
        "Turn on two-step verification",
        "Your institution requires a second step at sign-in. Scan the QR code with an authenticator app on your phone, or type the key into it.",
        "QR code for the authenticator app", "Key:",
        "Then type the 6-digit code the app shows.",
        "Save your recovery codes",
        "If you lose your phone, each code lets you in once. They are shown only now: download or copy them and keep them somewhere safe.",
        "Download the codes", "redes-recovery-codes.txt", "Continue");

    public static SecondStepTexts For(string language) => language == LoginTexts.English ? En : Es;
}
