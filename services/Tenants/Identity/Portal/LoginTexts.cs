namespace RedesPlataforma.Tenants.Identity.Portal;

/// <summary>
/// The sign-in page's texts, Spanish first; one language per page, never both on one label. <see cref="Deactivated"/> and
/// <see cref="LockedOut"/> are shown only to whoever got the password right (the lock on the second step, by wrong codes):
/// before that every failure reads <see cref="InvalidCredentials"/>.
/// </summary>
public sealed record LoginTexts(
    string Language, string Title, string Email, string Password, string Submit, string ForgotPassword, string Register,
    string OtherLanguage, string OtherLanguageCode, string InvalidCredentials, string LockedOut, string Deactivated, string FormExpired)
{
    public const string Spanish = "es";
    public const string English = "en";

    public static readonly LoginTexts Es = new(Spanish, "Iniciar sesión", "Correo electrónico", "Contraseña", "Ingresar",
        "¿Olvidó su contraseña?", "Registrar institución", "English", English,
        "El correo o la contraseña son incorrectos.",
        "La cuenta está bloqueada por intentos fallidos; intente más tarde.",
        "La cuenta está desactivada; consulte con el administrador de su institución.",
        "El formulario expiró; intente de nuevo.");

    public static readonly LoginTexts En = new(English, "Sign in", "Email", "Password", "Sign in",
        "Forgot your password?", "Register an institution", "Español", Spanish,
        "The email or password is incorrect.",
        "The account is locked after repeated failed sign-ins; try again later.",
        "The account is deactivated; ask your institution's administrator.",
        "The form expired; please try again.");

    public static LoginTexts For(string language) => language == English ? En : Es;
}
