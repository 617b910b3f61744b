using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Security.Revocation;

namespace RedesPlataforma.BuildingBlocks.Security;

public static class JwtAuthenticationExtensions
{
    public const string DefaultAudience = "redes-api";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Validates the Tenants service's access tokens with the keys it publishes in its JWKS (fetched from
    /// Identity:Authority and refreshed on rotation): RS256 only, issuer, audience and lifetime checked, and a token
    /// issued before its user's access was revoked refused where the service keeps a <see cref="RevocationList"/>.
    /// A token found valid is remembered until it expires (<see cref="CachingJsonWebTokenHandler"/>); the revocation
    /// check still runs on every request.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformJwtAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IConfiguration, TimeProvider>((options, configuration, clock) =>
        {
            var authority = configuration["Identity:Authority"] ?? throw new InvalidOperationException("Identity:Authority is not configured.");
            options.Authority = authority;
            options.RequireHttpsMetadata = authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            options.MapInboundClaims = false;
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new CachingJsonWebTokenHandler(clock) { MapInboundClaims = false });
            options.Audience = configuration["Identity:Audience"] ?? DefaultAudience;
            options.TokenValidationParameters.NameClaimType = PlatformClaims.Name;
            options.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
            options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
            options.TokenValidationParameters.ClockSkew = ClockSkew;
            options.Events = new JwtBearerEvents { OnTokenValidated = RefuseRevoked, OnChallenge = AnswerUnavailableKeysWith503 };
        });
        return builder;
    }

    /// <summary>The gateway keeps no list (it has no database): the services behind it refuse the token, and it ends the session.</summary>
    private static Task RefuseRevoked(TokenValidatedContext context)
    {
        if (context.HttpContext.RequestServices.GetService<RevocationList>() is { } revocations
            && context.SecurityToken is JsonWebToken token
            && Guid.TryParse(token.Subject, out var userId)
            && revocations.IsRevoked(userId, new DateTimeOffset(token.IssuedAt, TimeSpan.Zero)))
            context.Fail("The user's access was revoked after this token was issued.");
        return Task.CompletedTask;
    }

    /// <summary>
    /// When the signing keys cannot be fetched (the Tenants service is down or not ready before they were cached), the
    /// token may well be valid: a 401 would send the client to sign in again for nothing, so this is a 503 to retry.
    /// The token handler does not say why validation failed without keys, so the challenge asks for them once more.
    /// </summary>
    private static async Task AnswerUnavailableKeysWith503(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is null || context.Options.ConfigurationManager is not { } keys) return;
        try
        {
            await keys.GetConfigurationAsync(context.HttpContext.RequestAborted);
            return;
        }
        catch (InvalidOperationException)
        {
        }
        context.HandleResponse();
        await RetryLater.Problem(context.Response, StatusCodes.Status503ServiceUnavailable, TimeSpan.FromSeconds(5),
            "Sign-in service unavailable / Servicio de autenticación no disponible",
            _ => "The keys that check your token could not be fetched; try again shortly. / No se pudieron obtener las claves que validan su token; reintente en breve.")
            .ExecuteAsync(context.HttpContext);
    }
}
