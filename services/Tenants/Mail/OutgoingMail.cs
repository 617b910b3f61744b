using MimeKit;

namespace RedesPlataforma.Tenants.Mail;

/// <summary>An e-mail to one person, with plain-text and HTML bodies of the same content.</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string Text, string Html)
{
    public MimeMessage ToMime(string from)
    {
        var message = new MimeMessage { Subject = Subject };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(ToName, ToAddress));
        message.Body = new BodyBuilder { TextBody = Text, HtmlBody = Html }.ToMessageBody();
        return message;
    }
}

/// <summary>Delivers one e-mail: through SMTP when a server is configured, otherwise into a pickup folder.</summary>
public interface IMailer
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}
