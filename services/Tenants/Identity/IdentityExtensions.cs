using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.BuildingBlocks.Security.Revocation;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Identity.Portal;
using RedesPlataforma.Tenants.Infrastructure;

namespace RedesPlataforma.Tenants.Identity;

public static class IdentityExtensions
{
    /// <summary>PBKDF2-HMAC-SHA512 iterations for Identity's password hashes: OWASP's figure for that function.</summary>
    public const int PasswordHashIterations = 210_000;

    /// <summary>
    /// A development stack may hash with fewer iterations (<c>Identity:PasswordHashIterations</c>), so its demo seed and
    /// the end-to-end suite do not spend minutes hashing demo passwords; in any other environment the setting stops the
    /// service at start rather than weaken its hashes.
    /// </summary>
    private static int PasswordHashIterationsFor(IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<int?>("Identity:PasswordHashIterations") is not { } lowered) return PasswordHashIterations;
        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                $"Identity:PasswordHashIterations is for development stacks only; remove it (the service hashes with {PasswordHashIterations:N0} iterations).");
        return lowered >= 1 ? lowered : throw new InvalidOperationException("Identity:PasswordHashIterations must be at least 1.");
    }

    /// <summary>
    /// ASP.NET Core Identity for users and roles, and OpenIddict as the token server: the authorization code flow with
    /// PKCE (S256) for the portal's backend-for-frontend, password and refresh grants for scripts and API clients,
    /// RS256 JWT access tokens (15 minutes unless Identity:AccessTokenLifetime says otherwise), rotating refresh
    /// tokens, revocation, discovery and JWKS. The Tenants service validates its own tokens with the server's keys;
    /// other services use the JWKS.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformIdentity(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var keysFolder = configuration["Identity:KeysFolder"] ?? Path.Combine(builder.Environment.ContentRootPath, ".keys");

        var iterations = PasswordHashIterationsFor(builder);
        builder.Services.Configure<PasswordHasherOptions>(options => options.IterationCount = iterations);
        builder.Services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 10;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<TenantsDb>()
            .AddSignInManager()
            .AddTokenProvider<AuthenticatorTokenProvider<AppUser>>(TokenOptions.DefaultAuthenticatorProvider);
        builder.Services.AddScoped<TwoFactor>();
        builder.Services.AddSingleton<SecondStepTickets>();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<TenantsDb>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(configuration["Identity:Issuer"] ?? throw new InvalidOperationException("Identity:Issuer is not configured.")));
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowPasswordFlow().AllowRefreshTokenFlow();
                // A plain challenge is the verifier itself: whoever sees the authorization request could redeem the code.
                server.Configure(options => options.CodeChallengeMethods.Remove(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Plain));
                // Scripts and API clients use the password grant without registering; the portal's client is registered (PortalClient).
                server.AcceptAnonymousClients();
                server.RegisterScopes(OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess);
                server.SetAccessTokenLifetime(configuration.GetValue<TimeSpan?>("Identity:AccessTokenLifetime") ?? TimeSpan.FromMinutes(15));
                server.SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                // A redeemed refresh token is dead at once (no reuse grace period): replaying it fails.
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                server.AddSigningKey(TokenKeys.LoadOrCreateSigningKey(Path.Combine(keysFolder, "signing.pem")));
                server.AddEncryptionKey(TokenKeys.LoadOrCreateEncryptionKey(Path.Combine(keysFolder, "encryption.key")));
                // Access tokens are plain signed JWTs so every service can validate them from the JWKS alone.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(JwtAuthenticationExtensions.DefaultAudience);
                validation.AddEventHandler(RevokedAccessTokens.Descriptor);
                validation.UseAspNetCore();
            });

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddSingleton<DecoyPassword>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddScoped<AccessRevoker>();
        builder.AddAccessRevocation();
        builder.AddPortalLogin();
        builder.Services.AddHostedService<PortalClient>();
        return builder;
    }
}
