using System.Threading.RateLimiting;

namespace RedesPlataforma.Tenants.Extensions;

/// <summary>The public application form is anonymous; a per-address window keeps it from being flooded.</summary>
public static class OnboardingRateLimit
{
    public const string Policy = "onboarding";

    public static IHostApplicationBuilder AddOnboardingRateLimit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = builder.Configuration.GetValue("RateLimits:OnboardingPerMinute", 10),
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        return builder;
    }
}
