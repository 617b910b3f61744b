using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
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
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings.Value));
            options.OnRejected = WriteTooManyRequests;
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

    private static async ValueTask WriteTooManyRequests(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            type: "https://tools.ietf.org/html/rfc6585#section-4",
            title: "Too many requests / Demasiadas solicitudes",
            detail: $"The request rate limit was exceeded; retry in {seconds} s. / Se superó el límite de solicitudes; reintente en {seconds} s.")
            .ExecuteAsync(http);
    }
}
