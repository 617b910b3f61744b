using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.Gateway.RateLimiting;

public static class TenantRateLimitingExtensions
{
    /// <summary>One global limiter, partitioned per tenant (the token's tenant claim), per national-unit user (sub)
    /// or per remote IP when anonymous. Rejections are 429 problems with Retry-After.</summary>
    public static IHostApplicationBuilder AddTenantRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, settings) =>
        {
            options.RejectWithProblem();
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings.Value));
        });
        return builder;
    }

    /// <summary>Must run after authentication (it reads the validated claims): place it after MapDefaultEndpoints.</summary>
    public static WebApplication UseTenantRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    internal static string PartitionKey(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            if (user.FindFirst(PlatformClaims.Tenant)?.Value is { Length: > 0 } tenant) return $"tenant:{tenant}";
            if (user.FindFirst(PlatformClaims.Subject)?.Value is { Length: > 0 } subject) return $"user:{subject}";
        }
        return $"ip:{context.Connection.RemoteIpAddress}";
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitSettings settings)
    {
        // Probes must not be refused because a client is noisy.
        if (context.Request.Path.StartsWithSegments("/health")) return RateLimitPartition.GetNoLimiter("health");

        var key = PartitionKey(context);
        return key.StartsWith("ip:", StringComparison.Ordinal)
            ? RateLimitPartition.GetTokenBucketLimiter(key, _ => settings.AnonymousBucket())
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => settings.AuthenticatedBucket());
    }
}
