using System.ComponentModel.DataAnnotations;

namespace RedesPlataforma.Tenants.Accounts;

/// <summary>What the link in an invitation or password-reset e-mail sends back, with the password the person chose.</summary>
public sealed record AccountLinkRequest(
    Guid UserId,
    [property: Required, StringLength(2000)] string Token,
    [property: Required, StringLength(128, MinimumLength = 10)] string Password);

public sealed record PasswordResetRequest([property: Required, EmailAddress, StringLength(256)] string Email);

public sealed record PasswordResetAccepted(string Message);
