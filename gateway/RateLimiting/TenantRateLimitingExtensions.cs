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
            // The buckets' factories are made once here: lambdas made per request would be allocations per request.
            var buckets = new Buckets(_ => settings.Value.AuthenticatedBucket(), _ => settings.Value.AnonymousBucket());
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, ClientKey>(context => Partition(context, buckets));
        });
        return builder;
    }

    /// <summary>Must run after authentication (it reads the validated claims): place it after MapDefaultEndpoints.</summary>
    public static WebApplication UseTenantRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    internal enum ClientKind { Health, Tenant, User, Address }

    /// <summary>Whose bucket a request draws from; a value rather than a text built per request.</summary>
    internal readonly record struct ClientKey(ClientKind Kind, string? Value)
    {
        public static readonly ClientKey Health = new(ClientKind.Health, null);
    }

    internal static ClientKey PartitionKey(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            if (user.FindFirst(PlatformClaims.Tenant)?.Value is { Length: > 0 } tenant) return new(ClientKind.Tenant, tenant);
            if (user.FindFirst(PlatformClaims.Subject)?.Value is { Length: > 0 } subject) return new(ClientKind.User, subject);
        }
        return new(ClientKind.Address, context.Connection.RemoteIpAddress?.ToString());
    }

    private sealed record Buckets(Func<ClientKey, TokenBucketRateLimiterOptions> Authenticated, Func<ClientKey, TokenBucketRateLimiterOptions> Anonymous);

    private static RateLimitPartition<ClientKey> Partition(HttpContext context, Buckets buckets)
    {
        // Probes must not be refused because a client is noisy.
        if (context.Request.Path.StartsWithSegments("/health")) return RateLimitPartition.GetNoLimiter(ClientKey.Health);

        var key = PartitionKey(context);
        return RateLimitPartition.GetTokenBucketLimiter(key, key.Kind == ClientKind.Address ? buckets.Anonymous : buckets.Authenticated);
    }
}
