namespace RedesPlataforma.Tenants.Mail;

/// <summary>Writes each message as an .eml file, for machines without an SMTP server (development, tests).</summary>
sealed class PickupFolderMailer(string folder, string from, TimeProvider clock) : IMailer
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml";
        // Written under another name and then moved, so whoever watches the folder never reads half a message.
        var partial = Path.Combine(folder, name + ".partial");
        await mail.ToMime(from).WriteToAsync(partial, ct);
        File.Move(partial, Path.Combine(folder, name));
    }
}
