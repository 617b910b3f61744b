using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using RedesPlataforma.Tenants.Accounts;

namespace RedesPlataforma.Tenants.Identity.Portal;

/// <summary>How far a sign-in got: the password was right, or the person has just enrolled (and seen the recovery codes).</summary>
public enum SecondStepStage { PasswordChecked, Enrolled }

/// <summary>
/// The proof, carried by the second step's form, that the first step passed: data-protected (keys shared by the
/// replicas), ten minutes, bound to the security stamp, so a password change or a deactivation kills it. The token
/// server still remembers nothing between requests.
/// </summary>
public sealed class SecondStepTickets(IDataProtectionProvider protection)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("RedesPlataforma.Tenants.SignIn.SecondStep").ToTimeLimitedDataProtector();

    public string Issue(AppUser user, SecondStepStage stage) => _protector.Protect($"{stage}|{user.Id}|{user.SecurityStamp}", Lifetime);

    public async Task<(AppUser User, SecondStepStage Stage)?> ReadAsync(string ticket, UserManager<AppUser> users)
    {
        string payload;
        try { payload = _protector.Unprotect(ticket); }
        catch (CryptographicException) { return null; }
        var parts = payload.Split('|');
        if (parts.Length != 3 || !Enum.TryParse<SecondStepStage>(parts[0], out var stage)) return null;
        var user = await users.FindByIdAsync(parts[1]);
        return user is not null && user.SecurityStamp == parts[2] ? (user, stage) : null;
    }
}

/// <summary>
/// The sign-in page's second step, after a correct password: a person with an authenticator types its code (or a
/// recovery code); a person whose institution requires one and who has none enrols first (key and QR code, a code to
/// confirm, the recovery codes shown once) and then goes on. Wrong codes count towards the lockout.
/// </summary>
public static class SecondStep
{
    public const string TicketField = "ticket";
    public const string CodeField = "code";

    /// <summary>Straight on (the user) when no second factor is asked for, else the second step's page.</summary>
    public static async Task<(AppUser? User, IResult? Page)> AfterPasswordAsync(HttpContext context, IAntiforgery antiforgery, LoginForm form, AppUser user)
    {
        var twoFactor = context.RequestServices.GetRequiredService<TwoFactor>();
        var tickets = context.RequestServices.GetRequiredService<SecondStepTickets>();
        if (user.TwoFactorEnabled) return (null, Show(context, antiforgery, SecondStepPage.Code(form, tickets.Issue(user, SecondStepStage.PasswordChecked))));
        if (!await twoFactor.IsRequiredAsync(user)) return (user, null);
        return (null, Show(context, antiforgery, SecondStepPage.Enrol(form, tickets.Issue(user, SecondStepStage.PasswordChecked), await twoFactor.SetUpAsync(user, keepPending: true))));
    }

    /// <summary>A posted second step: the user when the sign-in may finish, else the page again (or the first step when the ticket is spent).</summary>
    public static async Task<(AppUser? User, IResult? Page)> ContinueAsync(
        HttpContext context, IAntiforgery antiforgery, LoginForm form, string ticket, string code, UserManager<AppUser> users)
    {
        var twoFactor = context.RequestServices.GetRequiredService<TwoFactor>();
        var tickets = context.RequestServices.GetRequiredService<SecondStepTickets>();
        var texts = SecondStepTexts.For(form.Language);
        if (await tickets.ReadAsync(ticket, users) is not var (user, stage)) return (null, PortalLogin.Page(context, antiforgery, form with { Error = LoginTexts.For(form.Language).FormExpired }));

        if (stage == SecondStepStage.Enrolled)
        {
            // Spent once: the new stamp kills this ticket (enabling has already ended every session without the second factor).
            await users.UpdateSecurityStampAsync(user);
            return (user, null);
        }

        if (user.TwoFactorEnabled)
        {
            return await twoFactor.CheckAsync(user, code, allowRecoveryCode: true) switch
            {
                SecondFactor.Passed => (user, null),
                SecondFactor.LockedOut => (null, LockedOut(context, antiforgery, form)),
                _ => (null, Show(context, antiforgery, SecondStepPage.Code(form with { Error = texts.WrongCode }, ticket))),
            };
        }

        var (check, recoveryCodes) = await twoFactor.EnableAsync(user, code);
        return check switch
        {
            SecondFactor.Passed => (null, Show(context, antiforgery, SecondStepPage.RecoveryCodes(form, tickets.Issue(user, SecondStepStage.Enrolled), recoveryCodes))),
            SecondFactor.LockedOut => (null, LockedOut(context, antiforgery, form)),
            _ => (null, Show(context, antiforgery, SecondStepPage.Enrol(form with { Error = texts.WrongCode }, ticket, await twoFactor.SetUpAsync(user, keepPending: true)))),
        };
    }

    private static IResult LockedOut(HttpContext context, IAntiforgery antiforgery, LoginForm form) =>
        PortalLogin.Page(context, antiforgery, form with { Error = LoginTexts.For(form.Language).LockedOut });

    private static IResult Show(HttpContext context, IAntiforgery antiforgery, Func<string, string> page) => PortalLogin.Html(context, antiforgery, page);
}
