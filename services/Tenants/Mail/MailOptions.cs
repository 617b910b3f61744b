namespace RedesPlataforma.Tenants.Mail;

/// <summary>The "Mail" settings. Without <c>Smtp:Host</c>, messages are written as .eml files to the pickup folder.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Null: <c>.mail</c> under the content root.</summary>
    public string? PickupFolder { get; set; }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public bool UseTls { get; set; } = true;
    public string From { get; set; } = "RedesPlataforma <no-reply@redesplataforma.local>";
}
