using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Tenants.Infrastructure;
using RedesPlataforma.Tenants.Model;

namespace RedesPlataforma.Tenants.Identity;

public static class IdentityExtensions
{
    /// <summary>
    /// ASP.NET Core Identity for users and roles, and OpenIddict as the token server: password and refresh grants,
    /// RS256 JWT access tokens for 15 minutes, rotating refresh tokens, revocation, discovery and JWKS.
    /// The Tenants service validates its own tokens with the server's keys; other services use the JWKS.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformIdentity(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var keysFolder = configuration["Identity:KeysFolder"] ?? Path.Combine(builder.Environment.ContentRootPath, ".keys");

        builder.Services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);
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
            .AddSignInManager();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<TenantsDb>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(configuration["Identity:Issuer"] ?? throw new InvalidOperationException("Identity:Issuer is not configured.")));
                server.SetTokenEndpointUris("connect/token")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                server.AllowPasswordFlow().AllowRefreshTokenFlow();
                server.AcceptAnonymousClients();
                server.RegisterScopes(OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess);
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(15));
                server.SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                // A redeemed refresh token is dead at once (no reuse grace period): replaying it fails.
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                server.AddSigningKey(TokenKeys.LoadOrCreateSigningKey(Path.Combine(keysFolder, "signing.pem")));
                server.AddEncryptionKey(TokenKeys.LoadOrCreateEncryptionKey(Path.Combine(keysFolder, "encryption.key")));
                // Access tokens are plain signed JWTs so every service can validate them from the JWKS alone.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(JwtAuthenticationExtensions.DefaultAudience);
                validation.UseAspNetCore();
            });

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        return builder;
    }
}
