using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RedesPlataforma.Tenants.Accounts;

namespace RedesPlataforma.Tenants.Identity;

/// <summary>
/// Checks an e-mail and a password for the token endpoint and the portal's sign-in form. An unknown address, an account
/// without a password (invitation pending), a locked account and a wrong password all come back as null after one
/// PBKDF2 verification each, so neither the answer nor its time says whether the account exists (docs/decisions/0017).
/// Failures still count toward the lockout, and the person learns of a lockout by e-mail when it starts.
/// </summary>
public sealed class PasswordSignIn(UserManager<AppUser> users, SignInManager<AppUser> signIn, DecoyPassword decoy, AccountEmails emails)
{
    /// <summary>The user when the password is right and the account not locked; whether it may sign in is decided after.</summary>
    public async Task<AppUser?> CheckAsync(string? email, string? password)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        // Identity answers these three without hashing anything: the decoy costs what a real verification costs.
        if (user is null || user.PasswordHash is null || await users.IsLockedOutAsync(user))
        {
            decoy.Verify(password ?? "");
            return null;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (check.IsLockedOut) emails.SendLockedOut(user, users.Options.Lockout.DefaultLockoutTimeSpan);
        return check.Succeeded ? user : null;
    }
}

/// <summary>A hash of a random password, made once per process with Identity's hasher at the platform's iteration count.</summary>
public sealed class DecoyPassword
{
    private static readonly AppUser Nobody = new() { FullName = "" };
    private readonly PasswordHasher<AppUser> _hasher;
    private readonly Lazy<string> _hash;

    public DecoyPassword(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<AppUser>(options);
        _hash = new(() => _hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
    }

    public void Verify(string password) => _hasher.VerifyHashedPassword(Nobody, _hash.Value, password);
}
