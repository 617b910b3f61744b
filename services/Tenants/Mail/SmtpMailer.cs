using MailKit.Net.Smtp;
using MailKit.Security;

namespace RedesPlataforma.Tenants.Mail;

/// <summary>Chosen only when <c>Mail:Smtp:Host</c> is set (see <see cref="MailExtensions"/>).</summary>
sealed class SmtpMailer(SmtpOptions smtp, string host) : IMailer
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(host, smtp.Port, Security(smtp), ct);
        if (!string.IsNullOrEmpty(smtp.Username)) await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        await client.SendAsync(mail.ToMime(smtp.From), ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    // With TLS on, STARTTLS is required rather than "when available", so a stripped offer fails instead of sending in clear.
    private static SecureSocketOptions Security(SmtpOptions smtp) => smtp.UseTls
        ? smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
        : SecureSocketOptions.None;
}
