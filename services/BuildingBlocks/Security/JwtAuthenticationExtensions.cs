using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace RedesPlataforma.BuildingBlocks.Security;

public static class JwtAuthenticationExtensions
{
    public const string DefaultAudience = "redes-api";

    /// <summary>
    /// Validates the Tenants service's access tokens with the keys it publishes in its JWKS (fetched from
    /// Identity:Authority and refreshed on rotation): RS256 only, issuer, audience and lifetime checked.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformJwtAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IConfiguration>((options, configuration) =>
        {
            var authority = configuration["Identity:Authority"] ?? throw new InvalidOperationException("Identity:Authority is not configured.");
            options.Authority = authority;
            options.RequireHttpsMetadata = authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            options.MapInboundClaims = false;
            options.Audience = configuration["Identity:Audience"] ?? DefaultAudience;
            options.TokenValidationParameters.NameClaimType = PlatformClaims.Name;
            options.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
            options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        });
        return builder;
    }
}
