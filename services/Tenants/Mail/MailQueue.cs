using System.Threading.Channels;

namespace RedesPlataforma.Tenants.Mail;

/// <summary>
/// Mail leaves after the request that caused it has committed, and off the request: a slow or failing SMTP server
/// neither delays nor fails it, and a password-reset request takes as long for an unknown address as for a known one.
/// A message lost to a crash is sent again by asking again (re-send the invitation, request another reset).
/// </summary>
public sealed class MailQueue
{
    private readonly Channel<OutgoingMail> _channel = Channel.CreateUnbounded<OutgoingMail>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(OutgoingMail mail) => _channel.Writer.TryWrite(mail);

    internal IAsyncEnumerable<OutgoingMail> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

sealed class MailSender(MailQueue queue, IMailer mailer, ILogger<MailSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var mail in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await mailer.SendAsync(mail, stoppingToken);
                logger.LogInformation("Mail \"{Subject}\" sent", mail.Subject);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Mail \"{Subject}\" could not be sent; asking again sends a new one", mail.Subject);
            }
        }
    }
}
