using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RedesPlataforma.Tenants.Mail;

namespace RedesPlataforma.Tenants.Accounts;

/// <summary>
/// The e-mails that carry a link to the portal (<c>Portal:PublicUrl</c>): an invitation to set the first password, a
/// password reset (both single-use), and the notice of a lockout, which the sign-in answers themselves do not reveal.
/// Spanish first, English below, the link in both the text and the HTML body.
/// </summary>
public sealed class AccountEmails(
    UserManager<AppUser> users, MailQueue queue, IConfiguration configuration,
    IOptions<InvitationTokenOptions> invitation, IOptions<PasswordResetTokenOptions> reset)
{
    public async Task SendInvitationAsync(AppUser user)
    {
        var token = await users.GenerateUserTokenAsync(user, AccountTokens.Invitation, AccountTokens.Invitation);
        var hours = Hours(invitation.Value.TokenLifespan);
        queue.Enqueue(Compose(user, "Invitación a RedesPlataforma / Invitation to RedesPlataforma", Link("invitacion", user, token),
            $"Le invitamos a RedesPlataforma, la plataforma de redes empresariales. Para activar su cuenta y elegir su contraseña, abra este enlace; vence en {hours} horas y sirve una sola vez.",
            $"You have been invited to RedesPlataforma, the business networks platform. To activate your account and choose your password, open this link; it expires in {hours} hours and works once."));
    }

    public async Task SendPasswordResetAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var hours = Hours(reset.Value.TokenLifespan);
        queue.Enqueue(Compose(user, "Restablecer su contraseña / Reset your password", Link("restablecer", user, token),
            $"Recibimos un pedido para restablecer su contraseña de RedesPlataforma. Para elegir una nueva, abra este enlace; vence en {hours} horas y sirve una sola vez. Si no lo pidió, ignore este correo: su contraseña no cambia.",
            $"We received a request to reset your RedesPlataforma password. To choose a new one, open this link; it expires in {hours} hours and works once. If you did not ask for it, ignore this e-mail: your password stays as it is."));
    }

    /// <summary>Sent when repeated failures lock the account: the sign-in answer stays "incorrect" (docs/decisions/0017).</summary>
    public void SendLockedOut(AppUser user, TimeSpan lockout)
    {
        var minutes = lockout.TotalMinutes.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        queue.Enqueue(Compose(user, "Cuenta bloqueada temporalmente / Account temporarily locked", PortalUrl() + "/restablecer",
            $"Su cuenta de RedesPlataforma quedó bloqueada {minutes} minutos tras varios intentos fallidos de inicio de sesión; mientras tanto ninguna contraseña funciona. Si no fue usted, restablezca su contraseña con este enlace.",
            $"Your RedesPlataforma account is locked for {minutes} minutes after several failed sign-ins; until then no password works. If it was not you, reset your password with this link."));
    }

    private string Link(string page, AppUser user, string token)
    {
        return $"{PortalUrl()}/{page}?u={user.Id}&t={Uri.EscapeDataString(token)}";
    }

    private string PortalUrl() =>
        (configuration["Portal:PublicUrl"] ?? throw new InvalidOperationException("Portal:PublicUrl is not configured.")).TrimEnd('/');

    private static string Hours(TimeSpan lifespan) => lifespan.TotalHours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static OutgoingMail Compose(AppUser user, string subject, string link, string spanish, string english)
    {
        var text = $"""
            Hola {user.FullName}:

            {spanish}

            {link}

            --
            Hello {user.FullName},

            {english}

            {link}
            """;
        var (name, href) = (WebUtility.HtmlEncode(user.FullName), WebUtility.HtmlEncode(link));
        var html = $"""
            <!DOCTYPE html>
            <html lang="es"><body>
            <p>Hola {name}:</p>
            <p>{WebUtility.HtmlEncode(spanish)}</p>
            <p><a href="{href}">{href}</a></p>
            <hr>
            <div lang="en">
            <p>Hello {name},</p>
            <p>{WebUtility.HtmlEncode(english)}</p>
            <p><a href="{href}">{href}</a></p>
            </div>
            </body></html>
            """;
        return new OutgoingMail(user.Email!, user.FullName, subject, text, html);
    }
}
