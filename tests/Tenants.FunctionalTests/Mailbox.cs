using System.Text.RegularExpressions;
using MimeKit;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

/// <summary>A link the service e-mailed: the portal page it opens and the user and token it carries.</summary>
public sealed record MailedLink(string Page, Guid UserId, string Token);

/// <summary>Reads the .eml files the service wrote to its pickup folder, as a person would read their inbox.</summary>
public static partial class Mailbox
{
    public static async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(this TenantsApp app, string address)
    {
        if (!Directory.Exists(app.MailFolder)) return [];
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.EnumerateFiles(app.MailFolder, "*.eml").Order())
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase))) messages.Add(message);
        }
        return messages;
    }

    /// <summary>Waits (mail leaves in the background) until <paramref name="count"/> messages reached the address; returns the newest.</summary>
    public static async Task<MimeMessage> WaitForMailAsync(this TenantsApp app, string address, int count = 1)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(10); waited += TimeSpan.FromMilliseconds(100))
        {
            if (await app.MessagesToAsync(address) is { } messages && messages.Count >= count) return messages[^1];
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail number {count} to {address} in {app.MailFolder}");
    }

    /// <summary>The link in the message, which must be the same in its text and its HTML body.</summary>
    public static MailedLink Link(this MimeMessage message)
    {
        var inText = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(inText.Success, message.TextBody);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(inText.Value), message.HtmlBody);
        return new MailedLink(inText.Groups["page"].Value, Guid.Parse(inText.Groups["user"].Value), Uri.UnescapeDataString(inText.Groups["token"].Value));
    }

    [GeneratedRegex(@"http://portal\.test/(?<page>[a-z]+)\?u=(?<user>[0-9a-f-]{36})&t=(?<token>[^\s""<&]+)")]
    private static partial Regex LinkPattern();
}
