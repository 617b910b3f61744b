using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RedesPlataforma.Tenants.Infrastructure;

namespace RedesPlataforma.Tenants.Accounts;

/// <summary>
/// The tokens in invitation and password-reset links. Each kind has its own Identity token provider, so each has its
/// own lifespan and data-protection purpose (an invitation token cannot reset a password). Both carry the user's
/// security stamp, which setting the password changes: a link works once.
/// See docs/decisions/0010-invitations-and-mail.md.
/// </summary>
public static class AccountTokens
{
    public const string Invitation = "Invitation";
    public const string PasswordReset = "PasswordReset";

    public static IHostApplicationBuilder AddAccountTokens(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // In the service's database, so a link sent before a restart, or by another replica, still opens.
        builder.Services.AddDataProtection().SetApplicationName("redes-tenants").PersistKeysToDbContext<TenantsDb>();

        builder.Services.Configure<InvitationTokenOptions>(options =>
        {
            options.Name = Invitation;
            options.TokenLifespan = configuration.GetValue("Accounts:InvitationLifespan", TimeSpan.FromHours(48));
        });
        builder.Services.Configure<PasswordResetTokenOptions>(options =>
        {
            options.Name = PasswordReset;
            options.TokenLifespan = configuration.GetValue("Accounts:PasswordResetLifespan", TimeSpan.FromHours(2));
        });
        builder.Services.AddTransient<InvitationTokenProvider>();
        builder.Services.AddTransient<PasswordResetTokenProvider>();
        builder.Services.Configure<IdentityOptions>(options =>
        {
            options.Tokens.ProviderMap[Invitation] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
            options.Tokens.ProviderMap[PasswordReset] = new TokenProviderDescriptor(typeof(PasswordResetTokenProvider));
            options.Tokens.PasswordResetTokenProvider = PasswordReset;
        });
        return builder;
    }
}

public sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions;

public sealed class PasswordResetTokenOptions : DataProtectionTokenProviderOptions;

public sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(protection, options, logger);

public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, IOptions<PasswordResetTokenOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(protection, options, logger);
