using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.Infrastructure;
using RedesPlataforma.Tenants.Staff;

namespace RedesPlataforma.Tenants.Accounts;

/// <summary>What a second-factor code proved.</summary>
public enum SecondFactor { Passed, Wrong, LockedOut }

/// <summary>An authenticator key to enrol with: as text, as an otpauth URI and as that URI's QR code (an SVG data URI).</summary>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri, string QrCode)
{
    public const string Issuer = "RedesPlataforma";

    public static AuthenticatorSetup For(string key, string email)
    {
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        var grouped = string.Join(' ', key.Chunk(4).Select(group => new string(group))).ToLowerInvariant();
        return new AuthenticatorSetup(grouped, uri, QrDataUri(uri));
    }

    /// <summary>
    /// Drawn on the server so the sign-in page (no script allowed there) and the portal show the same image; a data:
    /// URI because both pages' CSP allows images from 'self' and data: only.
    /// </summary>
    private static string QrDataUri(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}

/// <summary>
/// Two-factor sign-in with Identity's authenticator token provider (TOTP, RFC 6238) and recovery codes. A wrong code
/// counts towards the same lockout as a wrong password. The national unit and tenant admins may enrol; an institution
/// may require it of all its people. See docs/decisions/0019-two-factor-sign-in.md.
/// </summary>
public sealed class TwoFactor(UserManager<AppUser> users, IUserStore<AppUser> store, TenantsDb db, IServiceProvider services, AccountEmails emails, ILogger<TwoFactor> logger)
{
    public const int RecoveryCodeCount = 10;

    public async Task<bool> IsRequiredAsync(AppUser user, CancellationToken ct = default) =>
        user.TenantId is { } tenantId && await db.Tenants.AsNoTracking().AnyAsync(t => t.Id == tenantId && t.RequiresTwoFactor, ct);

    /// <summary>Offered to the national unit and tenant admins; everyone whose institution requires it must enrol.</summary>
    public async Task<bool> MayEnrolAsync(AppUser user, CancellationToken ct = default) =>
        (await users.GetRolesAsync(user)).Any(role => role is PlatformRoles.NationalUnit or PlatformRoles.TenantAdmin) || await IsRequiredAsync(user, ct);

    /// <summary>
    /// The key to enrol with. A new key is written without renewing the security stamp (Identity's reset would end every
    /// session before the person has even confirmed); <paramref name="keepPending"/> keeps an unconfirmed key, so a
    /// page shown again after a mistyped code still matches the phone.
    /// </summary>
    public async Task<AuthenticatorSetup> SetUpAsync(AppUser user, bool keepPending = false)
    {
        if (user.TwoFactorEnabled) throw new InvalidOperationException("The user already has an authenticator.");
        var key = keepPending ? await users.GetAuthenticatorKeyAsync(user) : null;
        if (key is null)
        {
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            await users.UpdateAsync(user);
        }
        return AuthenticatorSetup.For(key, user.Email!);
    }

    /// <summary>
    /// Turns the second factor on when <paramref name="code"/> matches the key being enrolled, and answers the recovery
    /// codes, shown once. Enabling renews the security stamp: every session signed in without the second factor ends
    /// at its next refresh.
    /// </summary>
    public async Task<(SecondFactor Check, IReadOnlyList<string> RecoveryCodes)> EnableAsync(AppUser user, string? code)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is null) return (SecondFactor.Wrong, []);
        var check = await CheckAsync(user, code, allowRecoveryCode: false);
        if (check != SecondFactor.Passed) return (check, []);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await NewRecoveryCodesAsync(user);
        await AuditAsync(user, "account.two_factor_enabled");
        return (check, codes);
    }

    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(AppUser user)
    {
        var codes = await NewRecoveryCodesAsync(user);
        await AuditAsync(user, "account.recovery_codes_regenerated");
        return codes;
    }

    /// <summary>Off, and the key forgotten: enrolling again starts from a new key.</summary>
    public async Task DisableAsync(AppUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await AuditAsync(user, "account.two_factor_disabled");
    }

    /// <summary>
    /// A code from the authenticator, or where allowed an unused recovery code (spent by this check). A wrong one counts
    /// towards the lockout, and a locked account is refused before any code is looked at.
    /// </summary>
    public async Task<SecondFactor> CheckAsync(AppUser user, string? code, bool allowRecoveryCode)
    {
        if (await users.IsLockedOutAsync(user)) return SecondFactor.LockedOut;
        var typed = (code ?? "").Trim();
        var digits = typed.Replace(" ", "").Replace("-", "");
        var passed = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)
            : allowRecoveryCode && user.TwoFactorEnabled && typed.Length > 0
              && (await users.RedeemTwoFactorRecoveryCodeAsync(user, typed.ToUpperInvariant())).Succeeded;
        return await CountAsync(user, passed);
    }

    /// <summary>The re-check before a change to one's own second factor: the password, or a code from the authenticator.</summary>
    public async Task<SecondFactor> ConfirmAsync(AppUser user, string? password, string? code)
    {
        if (string.IsNullOrEmpty(password)) return await CheckAsync(user, code, allowRecoveryCode: false);
        if (await users.IsLockedOutAsync(user)) return SecondFactor.LockedOut;
        return await CountAsync(user, await users.CheckPasswordAsync(user, password));
    }

    /// <summary>
    /// The password grant has no second page: a user with a second factor sends the authenticator's code as
    /// <c>otp</c>; a user whose institution requires one and who has none enrols on the portal's sign-in page first.
    /// Null when the grant may go on.
    /// </summary>
    public async Task<string?> PasswordGrantRefusalAsync(AppUser user, string? otp)
    {
        if (!user.TwoFactorEnabled)
            return await IsRequiredAsync(user)
                ? "The institution requires two-factor sign-in: enrol on the portal's sign-in page first. / La institución exige la verificación en dos pasos: actívela primero al iniciar sesión en el portal."
                : null;
        // A missing code is no guess: it does not count towards the lockout.
        if (string.IsNullOrWhiteSpace(otp))
            return "A two-factor code is required: send the authenticator's code as otp, or sign in on the portal. / Se requiere el código de verificación: envíelo como otp, o inicie sesión en el portal.";
        return await CheckAsync(user, otp, allowRecoveryCode: false) switch
        {
            SecondFactor.Passed => null,
            SecondFactor.LockedOut => "The account is locked after repeated failed sign-ins; try again later. / La cuenta está bloqueada por intentos fallidos; intente más tarde.",
            _ => "The two-factor code is incorrect. / El código de verificación es incorrecto.",
        };
    }

    private async Task<SecondFactor> CountAsync(AppUser user, bool passed)
    {
        if (passed)
        {
            await users.ResetAccessFailedCountAsync(user);
            return SecondFactor.Passed;
        }
        await users.AccessFailedAsync(user);
        if (!await users.IsLockedOutAsync(user)) return SecondFactor.Wrong;
        // Whoever failed here knew the password: the owner must hear of it (the mail says to reset it), as for a lockout
        // by passwords (PasswordSignIn).
        emails.SendLockedOut(user, users.Options.Lockout.DefaultLockoutTimeSpan);
        return SecondFactor.LockedOut;
    }

    private async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(AppUser user) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];

    /// <summary>
    /// In the audit log of the person's institution, with the person as actor (also on the sign-in page, before any
    /// token). The national unit has no audit log of its own in this service: its changes go to the security log.
    /// </summary>
    private async Task AuditAsync(AppUser user, string action)
    {
        if (user.TenantId is not { } tenantId)
        {
            logger.LogWarning("Security: {Action} by national-unit user {UserId}", action, user.Id);
            return;
        }
        await using var scope = TenantScope.Begin(services, TenantInfo.ForId(tenantId));
        scope.Services.GetRequiredService<AuditLog>().Record(action, nameof(StaffMember), user.Id, actor: user);
        await scope.Services.GetRequiredService<TenantsDb>().SaveChangesAsync();
    }
}
